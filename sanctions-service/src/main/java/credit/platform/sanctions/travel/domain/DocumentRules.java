package credit.platform.sanctions.travel.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a document number can be one at all — an invalid document gets a clear error, never an
 * ALLOW (a typo would otherwise let a listed passenger through unnoticed).
 * Resident ID: GB 11643-1999, ISO 7064 MOD 11-2 (REFERENCE.md §1). Passport: issuing country as
 * ISO 3166-1 alpha-3 and 5–20 letters or digits.
 */
final class DocumentRules {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private DocumentRules() {
    }

    static List<Violation> check(DocumentScheme scheme, String value, String country) {
        List<Violation> v = new ArrayList<>();
        switch (scheme) {
            case RESIDENT_ID -> residentId(value, v);
            case PASSPORT -> {
                if (!value.matches("[A-Z0-9]{5,20}")) {
                    v.add(new Violation("document.number", "passport-number",
                            "a passport number is 5 to 20 letters or digits"));
                }
                if (!country.matches("[A-Z]{3}")) {
                    v.add(new Violation("document.country", "iso-3166-alpha-3",
                            "a passport needs its issuing country as ISO 3166-1 alpha-3, e.g. CHN"));
                }
            }
            case FOREIGN_PERMANENT_RESIDENT_ID -> {
                if (!value.matches("[A-Z0-9]{15}|[0-9]{17}[0-9X]")) {
                    v.add(new Violation("document.number", "foreign-permanent-resident-id",
                            "a foreign permanent resident ID has 15 letters/digits (2004 format) or 18 characters (2023 format)"));
                }
            }
        }
        return v;
    }

    private static void residentId(String value, List<Violation> v) {
        if (!value.matches("[0-9]{17}[0-9X]")) {
            v.add(new Violation("document.number", "resident-id-format",
                    "a resident ID number has 17 digits and a check character (0-9 or X)"));
            return;
        }
        try {
            LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException e) {
            v.add(new Violation("document.number", "resident-id-birth-date",
                    "positions 7-14 of a resident ID number are a birth date (YYYYMMDD)"));
            return;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (value.charAt(i) - '0') * WEIGHTS[i];
        }
        int check = (12 - sum % 11) % 11;
        char expected = check == 10 ? 'X' : (char) ('0' + check);
        if (value.charAt(17) != expected) {
            v.add(new Violation("document.number", "check-character",
                    "the check character of this resident ID number does not match (GB 11643 MOD 11-2)"));
        }
    }
}
