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
         * An agency's officer signed in at the portal's desk: the token holds the scope
         * {@link RouteScopes#DESK}, which the realm grants only to users with the role {@code officer}
         * (never to a client's own service account).
         */
        public boolean officer() {
            String scope = jwt.getClaimAsString("scope");
            return scope != null && java.util.Arrays.asList(scope.split(" ")).contains(RouteScopes.DESK);
        }

        /** A company's representative signed in: the token carries a non-blank {@code uscc}. */
        public boolean representative() {
            String uscc = jwt.getClaimAsString("uscc");
            return uscc != null && !uscc.isBlank();
        }

        /** A person signed in (a citizen, a company's representative, an officer at the desk), not a client. */
        public boolean signedIn() {
            return citizen() || representative() || officer();
        }

        /**
         * Whom request budgets count: a person by their own subject ({@code citizen:<sub>}), since
         * every person signs in through the same web client; a representative or an officer at the desk
         * likewise by their own subject ({@code representative:<sub>}, {@code officer:<sub>}), not by the
         * portal client they all sign in through; a platform client by its id.
         */
        public String budgetKey() {
            if (signedIn()) {
                String subject = jwt.getSubject();
                // never the resident ID: budgets may be kept outside this process
                return (citizen() ? "citizen:" : representative() ? "representative:" : "officer:")
                        + (subject == null || subject.isBlank() ? "no-subject:" + clientId : subject);
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
