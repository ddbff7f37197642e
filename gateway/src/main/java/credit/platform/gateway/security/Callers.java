package credit.platform.gateway.security;

import java.security.Principal;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who is calling, read from the validated token: the client id ({@code azp}) and agency claim. */
public final class Callers {

    private Callers() {
    }

    public record Caller(String clientId, String agency, Jwt jwt) {
    }

    /** The caller behind a request's principal, or {@code null} when it carries no validated JWT. */
    public static Caller of(Principal principal) {
        if (!(principal instanceof JwtAuthenticationToken token)) {
            return null;
        }
        return of(token.getToken());
    }

    /** The caller a validated token names (the gRPC proxy has a token, not a principal). */
    public static Caller of(Jwt jwt) {
        String clientId = firstNonBlank(jwt.getClaimAsString("azp"), jwt.getClaimAsString("client_id"),
                jwt.getSubject(), "unknown");
        return new Caller(clientId, jwt.getClaimAsString("agency"), jwt);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
