package credit.platform.sanctions.enforcement.domain;

import credit.platform.identifiers.Identifier;
import credit.platform.identifiers.IdentifierScheme;
import credit.platform.identifiers.Identifiers;
import java.time.LocalDate;
import java.util.Locale;

/**
 * One identifier of a subject as the index keys it. Its value is personal data: never logged
 * ({@link #toString()} withholds it).
 *
 * <p><b>Exact 64-bit keys, so a key collision cannot cause a false DENY.</b> {@link #exact()} is an
 * injective encoding, not a hash: two different identifiers never get the same long.
 * <ul>
 * <li>resident ID (and the 18-character foreign permanent resident ID): 17 digits × 11 + check
 * value (X = 10) &lt; 1.1·10<sup>18</sup> &lt; 2<sup>60</sup>, tag in bits 62–63;</li>
 * <li>passport: issuing country (3 letters, base 26, 15 bits) and number (1–9 characters of
 * 0–9A–Z, bijective base 37, 47 bits), tag in bits 62–63.</li>
 * </ul>
 * Anything else (USCC, longer passport numbers, 15-character foreign IDs) has {@code exact() == 0}
 * and is keyed by its full text — again exact.
 */
public record SubjectKey(IdentifierScheme scheme, String value, String country) {

    public SubjectKey {
        value = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        country = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
    }

    /** The key of an identifier the kernel has parsed. */
    public static SubjectKey of(Identifier id) {
        return new SubjectKey(id.scheme(), id.value(), id.issuingCountry());
    }

    /**
     * Parses a caller's identifier with the identifier kernel (so however the number is written, the key
     * is the same).
     *
     * @param today today in China, for "born in the future"
     * @throws credit.platform.identifiers.InvalidIdentifierException when it is not a valid identifier
     */
    public static SubjectKey parse(IdentifierScheme scheme, String raw, String country, LocalDate today) {
        return of(Identifiers.parse(scheme, raw, country, today));
    }

    public static SubjectKey residentId(String value) {
        return new SubjectKey(IdentifierScheme.RESIDENT_ID, value, "");
    }

    public static SubjectKey passport(String country, String number) {
        return new SubjectKey(IdentifierScheme.PASSPORT, number, country);
    }

    public static SubjectKey uscc(String value) {
        return new SubjectKey(IdentifierScheme.USCC, value, "");
    }

    /** The injective 64-bit encoding, or 0 when this identifier has none (then {@link #text()} keys it). */
    public long exact() {
        return switch (scheme) {
            case RESIDENT_ID -> digits17(value, 1L);
            case FOREIGN_PERMANENT_RESIDENT_ID -> digits17(value, 2L);
            case PASSPORT -> passport();
            case USCC -> 0L;
        };
    }

    /** The full-text key: {@code SCHEME:COUNTRY:VALUE}. */
    public String text() {
        return scheme.name() + ':' + country + ':' + value;
    }

    private static long digits17(String v, long tag) {
        if (v.length() != 18) {
            return 0L;
        }
        long body = 0;
        for (int i = 0; i < 17; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return 0L;
            }
            body = body * 10 + (c - '0');
        }
        char last = v.charAt(17);
        int check;
        if (last >= '0' && last <= '9') {
            check = last - '0';
        } else if (last == 'X') {
            check = 10;
        } else {
            return 0L;
        }
        return (tag << 62) | (body * 11 + check);
    }

    private long passport() {
        if (country.length() != 3 || value.isEmpty() || value.length() > 9) {
            return 0L;
        }
        long c = 0;
        for (int i = 0; i < 3; i++) {
            char ch = country.charAt(i);
            if (ch < 'A' || ch > 'Z') {
                return 0L;
            }
            c = c * 26 + (ch - 'A');
        }
        long n = 0;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            int digit;
            if (ch >= '0' && ch <= '9') {
                digit = 1 + (ch - '0');
            } else if (ch >= 'A' && ch <= 'Z') {
                digit = 11 + (ch - 'A');
            } else {
                return 0L;
            }
            n = n * 37 + digit; // bijective base 37: no leading-zero ambiguity, length is implied
        }
        return (3L << 62) | (c << 47) | n;
    }

    @Override
    public String toString() {
        return "SubjectKey[" + scheme + ", value=(withheld)]";
    }
}
