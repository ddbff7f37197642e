package credit.platform.identifiers;

import java.time.LocalDate;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Valid synthetic identifiers for demo data, benchmarks and property tests: real division codes,
 * plausible dates, correct check characters. Deterministic for a given random generator state.
 */
public final class SyntheticIdentifiers {

    private static final List<String> COUNTIES = Divisions.gbt2260().counties();
    /** Organisation-code body characters that are also in the USCC set (digits and USCC letters). */
    private static final String ORG_BODY_CHARS = "0123456789";

    private SyntheticIdentifiers() {
    }

    public static String county(RandomGenerator random) {
        return COUNTIES.get(random.nextInt(COUNTIES.size()));
    }

    /** An 18-character resident ID born between 1930-01-01 and {@code latestBirth}. */
    public static String residentId(RandomGenerator random, LocalDate latestBirth) {
        long from = LocalDate.of(1930, 1, 1).toEpochDay();
        LocalDate born = LocalDate.ofEpochDay(from + random.nextLong(latestBirth.toEpochDay() - from + 1));
        String first17 = county(random) + "%04d%02d%02d".formatted(born.getYear(), born.getMonthValue(),
                born.getDayOfMonth()) + "%03d".formatted(random.nextInt(1000));
        return first17 + Identifiers.residentCheckCharacter(first17);
    }

    /** A legacy 15-digit resident ID (GB 11643-1989), born 1930–1999. */
    public static String legacyResidentId(RandomGenerator random) {
        LocalDate born = LocalDate.ofEpochDay(LocalDate.of(1930, 1, 1).toEpochDay() + random.nextInt(25_000));
        return county(random) + "%02d%02d%02d".formatted(born.getYear() % 100, born.getMonthValue(),
                born.getDayOfMonth()) + "%03d".formatted(random.nextInt(1000));
    }

    /** A USCC with a permitted authority/type pair, a real division, both check characters right. */
    public static String uscc(RandomGenerator random) {
        List<Character> authorities = UsccTypes.authorities().stream().sorted().toList();
        char authority = random.nextInt(4) > 0 ? '9' : authorities.get(random.nextInt(authorities.size()));
        String types = UsccTypes.typesOf(authority);
        char type = types.charAt(random.nextInt(types.length()));
        StringBuilder b = new StringBuilder(18).append(authority).append(type).append(county(random));
        StringBuilder body = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            body.append(ORG_BODY_CHARS.charAt(random.nextInt(ORG_BODY_CHARS.length())));
        }
        char orgCheck = Identifiers.organisationCodeCheck(body);
        b.append(body).append(orgCheck);
        return b.append(Identifiers.usccCheckCharacter(b)).toString();
    }
}
