package credit.platform.common.security;

import java.util.Optional;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who a signed-in person or company representative is, read from their token (never from a request
 * parameter): realm users carry {@code resident_id} (a person) and, for a company's representative,
 * {@code uscc} (the company they act for). Service clients carry neither. docs/security.md, "Self-service".
 */
public final class SubjectClaims {

    /** A person's resident ID, set by the realm administrator on the user (not editable by the user). */
    public static final String RESIDENT_ID = "resident_id";

    /** The unified social credit code of the company a representative acts for. */
    public static final String USCC = "uscc";

    /** Where a company representative's self-service routes start; any other {@code /api/v1/me/} route is a person's. */
    public static final String COMPANY_ROUTES = "/api/v1/me/company/";

    private SubjectClaims() {
    }

    /**
     * Who calls a self-service route, from the token only: on a company route ({@link #COMPANY_ROUTES}) the
     * company the representative acts for, by its USCC; on any other the person, by their resident ID.
     *
     * @throws IllegalStateException when the token lacks that claim: the route's security ({@link RestRoute#company},
     *                               {@link RestRoute#person}) lets no such token through, so this is a wiring error
     */
    public static SelfServiceCaller selfServiceCaller(Jwt jwt, String requestUri) {
        boolean company = requestUri.startsWith(COMPANY_ROUTES);
        String identifier = (company ? uscc(jwt) : residentId(jwt)).orElseThrow(
                () -> new IllegalStateException("the route's security lets only tokens with the claim through"));
        return new SelfServiceCaller(company, identifier);
    }

    /**
     * The caller of a self-service route.
     *
     * @param company    a company's representative (identifier is the company's USCC), else a person
     * @param identifier the USCC or the resident ID, as {@link #uscc} / {@link #residentId} read it
     */
    public record SelfServiceCaller(boolean company, String identifier) {
    }

    public static Optional<String> residentId(Jwt jwt) {
        return claim(jwt, RESIDENT_ID);
    }

    public static Optional<String> uscc(Jwt jwt) {
        return claim(jwt, USCC);
    }

    private static Optional<String> claim(Jwt jwt, String name) {
        if (jwt == null) {
            return Optional.empty();
        }
        Object value = jwt.getClaims().get(name);
        if (!(value instanceof String s) || s.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(s.strip().toUpperCase(java.util.Locale.ROOT));
    }
}
