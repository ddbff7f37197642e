package credit.platform.client;

import java.net.URI;
import java.util.Map;

/**
 * No token could be had because the identity provider (Keycloak, the token endpoint) could not be
 * reached or answered with a server error: nothing is wrong with the client's credentials, and the
 * platform itself was not asked. Try again later. Its {@link #type()} is
 * {@value #TYPE}, the same name the gateway answers (503) when it cannot fetch the
 * identity provider's keys to check a token. {@link #status()} is the token endpoint's 5xx status, or
 * 0 when it gave no answer at all (connection refused, timeout).
 */
public class IdentityProviderUnavailableException extends TokenRequestException {

    /** The problem type: the identity provider (authorization server) cannot be reached. */
    public static final String TYPE = "https://credit.example/problems/authorization-server-unavailable";

    private final URI tokenUri;

    public IdentityProviderUnavailableException(int status, URI tokenUri, String reason) {
        super(status, TYPE, "Identity provider unavailable",
                "The identity provider's token endpoint " + tokenUri + " " + reason
                        + "; no token was issued. Try again later.",
                Map.of("tokenUri", tokenUri.toString()));
        this.tokenUri = tokenUri;
    }

    /** The token endpoint that could not be reached. */
    public URI tokenUri() {
        return tokenUri;
    }
}
