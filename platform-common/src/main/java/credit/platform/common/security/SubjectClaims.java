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

    private SubjectClaims() {
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
