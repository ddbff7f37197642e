package credit.platform.lists.record.domain;

import static org.assertj.core.api.Assertions.assertThat;

import credit.platform.lists.definition.domain.ListKind;
import credit.platform.lists.definition.domain.Term;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListRecordTest {

    static ListRecord aRecord(LocalDate from, LocalDate until) {
        return new ListRecord("r1", "rail-safety-offenders", ListKind.BLACK, "s1",
                new SubjectIdentifier(IdentifierScheme.RESIDENT_ID, "11010519491231002X", ""), "NRA", "basis",
                "case", "ground", "facts", RecordStatus.ACTIVE, new Term(from, until), 1, Instant.EPOCH,
                List.of(new RecordEvent("e1", ChangeType.CREATED, "rail-demo", Instant.EPOCH, "listed")));
    }

    @Test
    void recordIsInForceThroughItsLastDayAndExpiredTheDayAfter() {
        ListRecord record = aRecord(LocalDate.of(2026, 11, 1), LocalDate.of(2027, 4, 29));

        assertThat(record.statusOn(LocalDate.of(2027, 4, 29))).isEqualTo(RecordStatus.ACTIVE);
        assertThat(record.statusOn(LocalDate.of(2027, 4, 30))).isEqualTo(RecordStatus.EXPIRED);
        assertThat(record.isInForceOn(LocalDate.of(2027, 4, 30))).isFalse();
    }

    @Test
    void recordUntilADeletionGroundNeverExpiresByTheClock() {
        assertThat(aRecord(LocalDate.of(2026, 11, 1), null).statusOn(LocalDate.of(2099, 1, 1)))
                .isEqualTo(RecordStatus.ACTIVE);
    }

    @Test
    void minorIsRecognisedFromTheResidentIdBirthDate() {
        SubjectIdentifier bornIn2010 = new SubjectIdentifier(IdentifierScheme.RESIDENT_ID, "110105201001010011", "");
        assertThat(RecordService.isMinorOn(bornIn2010, LocalDate.of(2026, 11, 1))).isTrue();
        assertThat(RecordService.isMinorOn(bornIn2010, LocalDate.of(2028, 1, 1))).isFalse();
    }

    @Test
    void sameIdempotencyKeyOfTheSameAgencyGivesTheSameRecordIdAndOtherAgenciesAnother() {
        Actor court = new Actor("court-demo", "SPC", false);
        assertThat(RecordService.idempotentId(court, "k1")).isEqualTo(RecordService.idempotentId(court, "k1"));
        assertThat(RecordService.idempotentId(court, "k1"))
                .isNotEqualTo(RecordService.idempotentId(new Actor("samr-demo", "SAMR", false), "k1"));
    }
}
