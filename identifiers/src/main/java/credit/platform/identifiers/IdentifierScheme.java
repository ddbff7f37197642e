package credit.platform.identifiers;

import java.util.Locale;
import java.util.Optional;

/**
 * The identifier schemes the platform knows — the only such enum in the platform (the wire contract's
 * {@code credit.common.v1.IdentifierScheme} maps to it by name). See {@code docs/domain.md},
 * "Identifiers".
 */
public enum IdentifierScheme {
    /**
     * GB 11643-1999 citizen identity number (legacy GB 11643-1989 15-digit numbers are converted), also
     * carried by residence permits for Hong Kong, Macao and Taiwan residents (address codes 810000,
     * 820000, 830000).
     */
    RESIDENT_ID,
    /** GB 32100-2015 Unified Social Credit Code. */
    USCC,
    /** Passport: issuing country (ISO 3166-1 alpha-3) + number. */
    PASSPORT,
    /** Foreign permanent resident ID card: 15-character (2004/2017) or 18-digit (2023, MOD 11-2 check) form. */
    FOREIGN_PERMANENT_RESIDENT_ID;

    /**
     * The scheme a caller named, however written: case, surrounding spaces and {@code -} for
     * {@code _} do not matter ({@code "resident-id"} is {@link #RESIDENT_ID}); empty when it names none.
     */
    public static Optional<IdentifierScheme> of(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String name = raw.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (IdentifierScheme s : values()) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
