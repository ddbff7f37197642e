package credit.platform.registry.subject.domain;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Normalises and validates identifiers. Each rejection names the rule and says exactly what is
 * wrong. First slice: resident ID (GB 11643-1999) and USCC (GB 32100-2015) check characters,
 * passports by shape; the full rules (legacy 15-digit IDs, division codes, registrar overrides)
 * come with the registry issue.
 */
public final class Identifiers {

    /** GB 11643-1999 weights, positions 1–17. */
    private static final int[] RESIDENT_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String RESIDENT_CHECK = "10X98765432";
    /** GB 32100-2015 character set, valued 0..30. */
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    /** 3^(i-1) mod 31, positions 1–17. */
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Identifiers() {
    }

    public static Identifier parse(IdentifierScheme scheme, String raw, String issuingCountry, LocalDate today) {
        if (scheme == null) {
            throw new InvalidIdentifierException("scheme-required", "the identifier scheme is required");
        }
        String value = normalise(raw);
        if (value.isEmpty()) {
            throw new InvalidIdentifierException("required", "the identifier value is required");
        }
        return switch (scheme) {
            case RESIDENT_ID -> new Identifier(scheme, residentId(value, today), "");
            case USCC -> new Identifier(scheme, uscc(value), "");
            case PASSPORT -> new Identifier(scheme, passport(value), country(issuingCountry));
            case FOREIGN_PERMANENT_RESIDENT_ID -> new Identifier(scheme, alphanumeric(value, 15, 18), "");
        };
    }

    /** Trim, drop spaces and hyphens, full-width to half-width, upper-case. Idempotent. */
    public static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (char c : raw.toCharArray()) {
            char h = (c >= '\uFF01' && c <= '\uFF5E') ? (char) (c - 0xFEE0) : c == '\u3000' ? ' ' : c;
            if (h == ' ' || h == '-' || Character.isWhitespace(h)) {
                continue;
            }
            out.append(Character.toUpperCase(h));
        }
        return out.toString();
    }

    static String residentId(String v, LocalDate today) {
        if (v.length() != 18) {
            throw new InvalidIdentifierException("length", "a resident ID has 18 characters, this one has " + v.length());
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(v.charAt(i))) {
                throw new InvalidIdentifierException("digits",
                        "character " + (i + 1) + " of a resident ID must be a digit, found " + v.charAt(i));
            }
        }
        if (v.charAt(0) == '0') {
            throw new InvalidIdentifierException("address-code", "address code " + v.substring(0, 6) + " is not a division code");
        }
        String birth = v.substring(6, 14);
        LocalDate born;
        try {
            born = LocalDate.of(Integer.parseInt(birth.substring(0, 4)), Integer.parseInt(birth.substring(4, 6)),
                    Integer.parseInt(birth.substring(6, 8)));
        } catch (DateTimeException e) {
            throw new InvalidIdentifierException("birth-date",
                    "birth date " + birth.substring(0, 4) + "-" + birth.substring(4, 6) + "-" + birth.substring(6, 8)
                            + " is not a date");
        }
        if (born.isAfter(today)) {
            throw new InvalidIdentifierException("birth-date", "birth date " + born + " is in the future");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (v.charAt(i) - '0') * RESIDENT_WEIGHTS[i];
        }
        char expected = RESIDENT_CHECK.charAt(sum % 11);
        if (v.charAt(17) != expected) {
            throw new InvalidIdentifierException("check-character",
                    "check character is " + v.charAt(17) + ", expected " + expected);
        }
        return v;
    }

    static String uscc(String v) {
        if (v.length() != 18) {
            throw new InvalidIdentifierException("length", "a USCC has 18 characters, this one has " + v.length());
        }
        int sum = 0;
        for (int i = 0; i < 18; i++) {
            int value = USCC_CHARS.indexOf(v.charAt(i));
            if (value < 0) {
                throw new InvalidIdentifierException("character-set", v.charAt(i) + " is not in the USCC character set");
            }
            if (i < 17) {
                sum += value * USCC_WEIGHTS[i];
            }
        }
        int check = (31 - sum % 31) % 31;
        char expected = USCC_CHARS.charAt(check);
        if (v.charAt(17) != expected) {
            throw new InvalidIdentifierException("check-character",
                    "check character is " + v.charAt(17) + ", expected " + expected);
        }
        return v;
    }

    static String passport(String v) {
        return alphanumeric(v, 5, 20);
    }

    private static String alphanumeric(String v, int min, int max) {
        if (v.length() < min || v.length() > max || !v.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) {
            throw new InvalidIdentifierException("format",
                    "the number must be " + min + " to " + max + " letters or digits");
        }
        return v;
    }

    private static String country(String raw) {
        String c = normalise(raw);
        if (c.length() != 3 || !c.chars().allMatch(ch -> ch >= 'A' && ch <= 'Z')) {
            throw new InvalidIdentifierException("issuing-country",
                    "a passport needs its issuing country as an ISO 3166-1 alpha-3 code");
        }
        return c;
    }
}
