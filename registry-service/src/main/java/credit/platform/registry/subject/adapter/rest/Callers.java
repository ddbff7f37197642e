package credit.platform.registry.subject.adapter.rest;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who is calling: the OAuth2 client ({@code azp}) of the bearer token. */
public final class Callers {

    private Callers() {
    }

    public static String clientId(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken jwt) {
            Object azp = jwt.getTokenAttributes().get("azp");
            return azp == null ? jwt.getName() : azp.toString();
        }
        return authentication == null ? "" : authentication.getName();
    }
}
