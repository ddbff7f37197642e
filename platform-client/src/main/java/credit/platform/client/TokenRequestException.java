package credit.platform.client;

import java.util.List;
import java.util.Map;

/** The token endpoint refused the client credentials or could not be reached (status 0). */
public class TokenRequestException extends PlatformProblemException {

    public TokenRequestException(int status, String error, String description) {
        super(status, "about:blank", "Token request failed", error == null ? description
                : description == null ? error : error + ": " + description, null, List.of(),
                error == null ? Map.of() : Map.of("error", error));
    }
}
