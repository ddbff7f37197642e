package credit.platform.identifiers;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * <b>The identifier kernel</b>: the one place the platform parses, validates and normalises an
 * identifier (registry, lists, sanctions and the gateway all call it; {@code docs/domain.md},
 * "Identifiers"). Each rejection names the rule ({@link InvalidIdentifierException#rule()}) and the
 * field ({@link InvalidIdentifierException#field()}) and says exactly what is wrong.
 *
 * <p>How to use it:
 * <ul>
 *   <li>{@link #parse(IdentifierScheme, String, String, Clock)} → a valid, normalised
 *       {@link Identifier}, or {@link InvalidIdentifierException};</li>
 *   <li>{@link #canonicalKey(IdentifierScheme, String, String, Clock)} → the identifier's canonical
 *       key, {@code SCHEME:VALUE} or {@code PASSPORT:COUNTRY:VALUE} (e.g.
 *       {@code RESIDENT_ID:11010519491231002X}, {@code PASSPORT:CHN:E12345678}): however the number
 *       was written (full-width, lower case, spaces, hyphens, a legacy 15-digit resident ID), the same
 *       identifier always has the same key, and two different identifiers never do. Use it wherever
 *       identifiers are matched or stored.</li>
 *   <li>{@link #normalise(String)} → the written form without decoration (for values that are not
 *       identifiers but are written the same way, e.g. train numbers).</li>
 * </ul>
 *
 * <p>Rules ("today" is today in China, {@link ChinaTime#today}):
 * <ul>
 *   <li>{@code RESIDENT_ID}, GB 11643-1999: 18 characters; address code a division that exists or
 *       existed ({@link Divisions}) or a residence-permit code for Hong Kong, Macao or Taiwan
 *       residents (810000, 820000, 830000); birth date a real date not after today; check character
 *       ISO 7064 MOD 11-2. A legacy 15-digit number (GB 11643-1989) is converted to 18 by inserting
 *       {@code 19} before the year and computing the check character.</li>
 *   <li>{@code USCC}, GB 32100-2015: 18 characters of {@code 0123456789ABCDEFGHJKLMNPQRTUWXY};
 *       registration-authority/type pair from the standard's table ({@link UsccTypes}); positions
 *       3–8 a division code; positions 9–17 the GB 11714 organisation code whose own check is
 *       position 17; position 18 the MOD 31 check.</li>
 *   <li>{@code PASSPORT}: issuing country ISO 3166-1 alpha-3 + 5–20 letters or digits.</li>
 *   <li>{@code FOREIGN_PERMANENT_RESIDENT_ID}: 15 characters (country alpha-3 + 12 digits, 2004/2017
 *       card) or 18 digits starting with 9 with a MOD 11-2 check (2023 card).</li>
 * </ul>
 */
public final class Identifiers {

    /** GB 11643-1999 weights, positions 1–17 (2^(18-i) mod 11). */
    private static final int[] RESIDENT_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    /** Check character by S mod 11: (12 − S mod 11) mod 11, 10 written X. */
    private static final String RESIDENT_CHECK = "10X98765432";
    /** GB 32100-2015 character set, valued 0..30. */
    public static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    /** 3^(i-1) mod 31, positions 1–17. */
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    /** GB 11714 weights over the 8 body characters of the organisation code. */
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ORG_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final Set<String> ALPHA3 = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
    /** Rules a registrar may override for a legally issued USCC (early pilot codes). */
    private static final Set<String> OVERRIDABLE = Set.of("check-character", "organisation-code-check");

    private Identifiers() {
    }

    /**
     * Parses and validates, judging "born in the future" against today in China by {@code clock};
     * throws {@link InvalidIdentifierException} naming the broken rule.
     */
    public static Identifier parse(IdentifierScheme scheme, String raw, String issuingCountry, Clock clock) {
        return parse(scheme, raw, issuingCountry, ChinaTime.today(clock));
    }

    /**
     * The canonical key of an identifier however it is written: {@code SCHEME:VALUE}, or
     * {@code PASSPORT:COUNTRY:VALUE} for passports ({@link Identifier#key()}).
     *
     * @throws InvalidIdentifierException when the value is not a valid identifier of the scheme
     */
    public static String canonicalKey(IdentifierScheme scheme, String raw, String issuingCountry, Clock clock) {
        return parse(scheme, raw, issuingCountry, clock).key();
    }

    /**
     * Parses and validates; throws {@link InvalidIdentifierException} naming the broken rule.
     *
     * @param today today in China ({@link ChinaTime#today}); a birth date after it is rejected
     */
    public static Identifier parse(IdentifierScheme scheme, String raw, String issuingCountry, LocalDate today) {
        if (scheme == null) {
            throw new InvalidIdentifierException("scheme", "scheme-required", "the identifier scheme is required");
        }
        String value = normalise(raw);
        if (value.isEmpty()) {
            throw new InvalidIdentifierException("required", "the identifier value is required");
        }
        return switch (scheme) {
            case RESIDENT_ID -> new Identifier(scheme, residentId(value, today), "");
            case USCC -> new Identifier(scheme, uscc(value, false), "");
            case PASSPORT -> new Identifier(scheme, passport(value), country(issuingCountry));
            case FOREIGN_PERMANENT_RESIDENT_ID -> new Identifier(scheme, foreignPermanentResidentId(value, today), "");
        };
    }

    /**
     * A registrar's explicit override: a USCC that is valid in every respect except its check
     * character(s) (position 18, or the GB 11714 check at 17) is accepted and marked
     * {@link Identifier#checkCharacterOverridden()}; the caller must flag the subject for review.
     * Every other rule still applies, and a code that passes its checks is returned unmarked.
     */
    public static Identifier parseOverridingCheckCharacter(IdentifierScheme scheme, String raw, String issuingCountry,
            LocalDate today) {
        if (scheme != IdentifierScheme.USCC) {
            throw new InvalidIdentifierException("override-not-allowed",
                    "a check-character override is only possible for a USCC, not a " + scheme);
        }
        try {
            return parse(scheme, raw, issuingCountry, today);
        } catch (InvalidIdentifierException e) {
            if (!OVERRIDABLE.contains(e.rule())) {
                throw e;
            }
            return new Identifier(scheme, uscc(normalise(raw), true), "", true);
        }
    }

    /**
     * Trim, drop spaces (incl. the ideographic space) and hyphens (ASCII, full-width and Unicode
     * dashes), full-width characters to half-width, lower case to upper case ({@code x} → {@code X}).
     * Idempotent.
     */
    public static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            char h = (c >= '\uFF01' && c <= '\uFF5E') ? (char) (c - 0xFEE0) : c;
            if (h == '-' || h == '\u2010' || h == '\u2011' || h == '\u2012' || h == '\u2013' || h == '\u2014'
                    || h == '\u2212' || Character.isWhitespace(h) || Character.isSpaceChar(h)) {
                continue;
            }
            out.append(h >= 'a' && h <= 'z' ? (char) (h - 32) : h);
        }
        return out.toString();
    }

    // ---- resident ID -------------------------------------------------------------------------

    static String residentId(String v, LocalDate today) {
        if (v.length() == 15) {
            return legacyResidentId(v, today);
        }
        if (v.length() != 18) {
            throw new InvalidIdentifierException("length",
                    "a resident ID has 18 characters (or 15 digits for a legacy number), this one has " + v.length());
        }
        digits(v, 17, "a resident ID");
        address(v.substring(0, 6));
        birthDate(v.substring(6, 14), today);
        char expected = residentCheckCharacter(v.substring(0, 17));
        if (v.charAt(17) != expected) {
            throw new InvalidIdentifierException("check-character",
                    "check character is " + v.charAt(17) + ", expected " + expected);
        }
        return v;
    }

    /** GB 11643-1989 15-digit number → 18: insert the century 19 and compute the check character. */
    private static String legacyResidentId(String v, LocalDate today) {
        digits(v, 15, "a legacy 15-digit resident ID");
        address(v.substring(0, 6));
        String first17 = v.substring(0, 6) + "19" + v.substring(6, 15);
        birthDate(first17.substring(6, 14), today);
        return first17 + residentCheckCharacter(first17);
    }

    /**
     * The birth date a valid identifier carries: positions 7–14 of a resident ID (residence permits
     * included) and of an 18-digit foreign permanent resident ID; empty for other schemes (a passport
     * holder's birth date is what the registry holds for the person).
     */
    public static java.util.Optional<LocalDate> birthDate(Identifier id) {
        String v = id.value();
        boolean carriesIt = id.scheme() == IdentifierScheme.RESIDENT_ID
                || (id.scheme() == IdentifierScheme.FOREIGN_PERMANENT_RESIDENT_ID && v.length() == 18);
        if (!carriesIt || v.length() != 18) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(LocalDate.of(Integer.parseInt(v.substring(6, 10)),
                    Integer.parseInt(v.substring(10, 12)), Integer.parseInt(v.substring(12, 14))));
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** ISO 7064 MOD 11-2 check character for the first 17 digits. */
    public static char residentCheckCharacter(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * RESIDENT_WEIGHTS[i];
        }
        return RESIDENT_CHECK.charAt(sum % 11);
    }

    private static void digits(String v, int count, String what) {
        for (int i = 0; i < count; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidIdentifierException("digits",
                        "character " + (i + 1) + " of " + what + " must be a digit, found " + c);
            }
        }
    }

    private static void address(String code) {
        String problem = Divisions.gbt2260().addressProblem(code);
        if (problem != null) {
            throw new InvalidIdentifierException("address-code",
                    "address code " + code + " is not a GB/T 2260 division: " + problem);
        }
    }

    private static LocalDate birthDate(String yyyymmdd, LocalDate today) {
        LocalDate born;
        try {
            born = LocalDate.of(Integer.parseInt(yyyymmdd.substring(0, 4)), Integer.parseInt(yyyymmdd.substring(4, 6)),
                    Integer.parseInt(yyyymmdd.substring(6, 8)));
        } catch (DateTimeException e) {
            throw new InvalidIdentifierException("birth-date", "birth date " + yyyymmdd.substring(0, 4) + "-"
                    + yyyymmdd.substring(4, 6) + "-" + yyyymmdd.substring(6, 8) + " is not a date");
        }
        if (born.isAfter(today)) {
            throw new InvalidIdentifierException("birth-date", "birth date " + born + " is in the future");
        }
        if (born.getYear() < 1850) {
            throw new InvalidIdentifierException("birth-date", "birth date " + born + " is before 1850");
        }
        return born;
    }

    // ---- USCC --------------------------------------------------------------------------------

    static String uscc(String v, boolean overrideChecks) {
        if (v.length() != 18) {
            throw new InvalidIdentifierException("length", "a USCC has 18 characters, this one has " + v.length());
        }
        for (int i = 0; i < 18; i++) {
            if (USCC_CHARS.indexOf(v.charAt(i)) < 0) {
                throw new InvalidIdentifierException("character-set", v.charAt(i) + " is not in the USCC character set");
            }
        }
        char authority = v.charAt(0);
        char type = v.charAt(1);
        if (!UsccTypes.permitted(authority, type)) {
            String types = UsccTypes.typesOf(authority);
            throw new InvalidIdentifierException("registration-authority-type", types.isEmpty()
                    ? authority + " is not a registration-authority code of GB 32100-2015"
                    : "registration authority " + authority + " issues organisation types " + String.join(", ",
                            types.chars().mapToObj(c -> String.valueOf((char) c)).toList()) + ", not " + type);
        }
        String division = v.substring(2, 8);
        String problem = Divisions.gbt2260().problem(division, true);
        if (problem != null) {
            throw new InvalidIdentifierException("division-code",
                    "division code " + division + " is not a GB/T 2260 division: " + problem);
        }
        if (!overrideChecks) {
            char orgExpected = organisationCodeCheck(v.substring(8, 16));
            if (v.charAt(16) != orgExpected) {
                throw new InvalidIdentifierException("organisation-code-check",
                        "organisation code check character (position 17) is " + v.charAt(16) + ", expected " + orgExpected);
            }
            char expected = usccCheckCharacter(v.substring(0, 17));
            if (v.charAt(17) != expected) {
                throw new InvalidIdentifierException("check-character",
                        "check character is " + v.charAt(17) + ", expected " + expected);
            }
        }
        return v;
    }

    /** GB 32100-2015 check character (position 18) for the first 17 characters. */
    public static char usccCheckCharacter(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_CHARS.indexOf(first17.charAt(i)) * USCC_WEIGHTS[i];
        }
        return USCC_CHARS.charAt((31 - sum % 31) % 31);
    }

    /**
     * GB 11714 check character of an organisation code body (8 characters of 0–9A–Z):
     * C = 11 − (Σ mod 11); 10 → X, 11 → 0.
     */
    public static char organisationCodeCheck(CharSequence body8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            int value = ORG_CHARS.indexOf(body8.charAt(i));
            if (value < 0) {
                throw new InvalidIdentifierException("character-set",
                        body8.charAt(i) + " is not allowed in a GB 11714 organisation code");
            }
            sum += value * ORG_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    // ---- passports and foreign permanent residents ---------------------------------------------

    static String passport(String v) {
        if (v.length() < 5 || v.length() > 20 || !v.chars().allMatch(Identifiers::alnum)) {
            throw new InvalidIdentifierException("format", "a passport number is 5 to 20 letters or digits");
        }
        return v;
    }

    static String foreignPermanentResidentId(String v, LocalDate today) {
        if (v.length() == 15) {
            String country = v.substring(0, 3);
            if (!ALPHA3.contains(country)) {
                throw new InvalidIdentifierException("issuing-country",
                        country + " is not an ISO 3166-1 alpha-3 country code");
            }
            for (int i = 3; i < 15; i++) {
                if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                    throw new InvalidIdentifierException("digits", "character " + (i + 1)
                            + " of a 15-character permanent resident ID must be a digit, found " + v.charAt(i));
                }
            }
            return v;
        }
        if (v.length() != 18) {
            throw new InvalidIdentifierException("length",
                    "a foreign permanent resident ID has 15 or 18 characters, this one has " + v.length());
        }
        digits(v, 17, "an 18-character permanent resident ID");
        if (v.charAt(0) != '9') {
            throw new InvalidIdentifierException("format", "an 18-character permanent resident ID starts with 9");
        }
        birthDate(v.substring(6, 14), today);
        char expected = residentCheckCharacter(v.substring(0, 17));
        if (v.charAt(17) != expected) {
            throw new InvalidIdentifierException("check-character",
                    "check character is " + v.charAt(17) + ", expected " + expected);
        }
        return v;
    }

    private static String country(String raw) {
        String c = normalise(raw);
        if (c.isEmpty()) {
            throw new InvalidIdentifierException("issuingCountry", "issuing-country",
                    "a passport needs its issuing country as an ISO 3166-1 alpha-3 code");
        }
        if (!ALPHA3.contains(c)) {
            throw new InvalidIdentifierException("issuingCountry", "issuing-country",
                    c + " is not an ISO 3166-1 alpha-3 country code");
        }
        return c;
    }

    private static boolean alnum(int c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    }
}
