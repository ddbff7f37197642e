package credit.platform.gateway.security;

import java.security.Principal;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who is calling, read from the validated token: the client id ({@code azp}) and agency claim. */
public final class Callers {

    /** The claim that makes a token a person's (docs/security.md): their resident ID. */
    public static final String CITIZEN_CLAIM = "resident_id";

    private Callers() {
    }

    /**
     * @param clientId the OAuth2 client ({@code azp}; for a person the web client, e.g. {@code credit-web})
     * @param agency   the {@code agency} claim of an agency client, or {@code null}
     * @param jwt      the validated token
     */
    public record Caller(String clientId, String agency, Jwt jwt) {

        /** A signed-in person: the token carries a non-blank {@code resident_id}. */
        public boolean citizen() {
            String residentId = jwt.getClaimAsString(CITIZEN_CLAIM);
            return residentId != null && !residentId.isBlank();
        }

        /**
         * Whom request budgets count: a person by their own subject ({@code citizen:<sub>}), since
         * every person signs in through the same web client; a platform client by its id.
         */
        public String budgetKey() {
            if (citizen()) {
                String subject = jwt.getSubject();
                // never the resident ID: budgets may be kept outside this process
                return "citizen:" + (subject == null || subject.isBlank() ? "no-subject:" + clientId : subject);
            }
            return "client:" + clientId;
        }
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
