package credit.platform.benchmarks.sanctions;

import credit.platform.identifiers.Identifiers;
import credit.platform.sanctions.enforcement.domain.RestrictionRecord;
import credit.platform.sanctions.enforcement.domain.SubjectKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Deterministic synthetic subjects: valid resident IDs (unique for i < 30 M) and UUID record ids. */
final class Synthetic {

    private static final LocalDate FIRST_BIRTH = LocalDate.of(1940, 1, 1);
    static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    static final String[] COURTS = new String[3000];

    static {
        for (int i = 0; i < COURTS.length; i++) {
            COURTS[i] = "People's Court #" + i;
        }
    }

    private Synthetic() {
    }

    /** Person i (0 ≤ i < 30 000 000): address 110105, birth date 1940 + i % 30000 days, sequence i / 30000. */
    static String residentId(long i) {
        LocalDate birth = FIRST_BIRTH.plusDays(i % 30_000);
        String first17 = "110105" + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth()) + String.format("%03d", i / 30_000 % 1000);
        return first17 + Identifiers.residentCheckCharacter(first17);
    }

    static SubjectKey key(long i) {
        return SubjectKey.residentId(residentId(i));
    }

    static String recordId(long i) {
        return new UUID(0x5A5A_0000_0000_4000L, 0x8000_0000_0000_0000L | i).toString();
    }

    static RestrictionRecord record(long i) {
        return new RestrictionRecord(recordId(i), "spc-dishonest-debtors", "BLACK", COURTS[(int) (i % COURTS.length)],
                FROM, i % 2 == 0 ? null : Instant.parse("2030-01-01T00:00:00Z"), null);
    }
}
