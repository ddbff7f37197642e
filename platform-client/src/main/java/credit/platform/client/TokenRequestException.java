package credit.platform.client;

import java.util.List;
import java.util.Map;

/**
 * The token endpoint did not issue a token: it refused the client credentials (status 4xx, with the
 * OAuth2 {@code error} as extension {@code error}), or it could not be reached or failed
 * ({@link IdentityProviderUnavailableException}).
 */
public class TokenRequestException extends PlatformProblemException {

    public TokenRequestException(int status, String error, String description) {
        super(status, "about:blank", "Token request failed", error == null ? description
                : description == null ? error : error + ": " + description, null, List.of(),
                error == null ? Map.of() : Map.of("error", error));
    }

    protected TokenRequestException(int status, String type, String title, String detail, Map<String, Object> extensions) {
        super(status, type, title, detail, null, List.of(), extensions);
    }
}
