package credit.platform.lists.record.domain;

import credit.platform.identifiers.IdentifierScheme;
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
        LocalDate born = bornIn2010.birthDate().orElseThrow();
        assertThat(RecordService.isMinorOn(born, LocalDate.of(2026, 11, 1))).isTrue();
        assertThat(RecordService.isMinorOn(born, LocalDate.of(2028, 1, 1))).isFalse();
        assertThat(RecordService.isMinorOn(born, LocalDate.of(2027, 12, 31))).isTrue();
        assertThat(RecordService.isMinorOn(born, LocalDate.of(2028, 1, 1))).isFalse();
    }

    @Test
    void bornOn29FebruaryIsAdultOn1MarchOfAYearWithoutOne() {
        LocalDate born = LocalDate.of(2008, 2, 29);
        assertThat(RecordService.isMinorOn(born, LocalDate.of(2026, 2, 28))).isTrue();
        assertThat(RecordService.isMinorOn(born, LocalDate.of(2026, 3, 1))).isFalse();
    }

    @Test
    void sameIdempotencyKeyOfTheSameAgencyGivesTheSameRecordIdAndOtherAgenciesAnother() {
        Actor court = new Actor("court-demo", "SPC", false);
        assertThat(RecordService.idempotentId(court, "k1")).isEqualTo(RecordService.idempotentId(court, "k1"));
        assertThat(RecordService.idempotentId(court, "k1"))
                .isNotEqualTo(RecordService.idempotentId(new Actor("samr-demo", "SAMR", false), "k1"));
    }

    @Test
    void aTransitionIsTheNextVersionWithTheEventAppended() {
        ListRecord record = aRecord(LocalDate.of(2026, 11, 1), LocalDate.of(2027, 4, 29));
        RecordEvent disputed = new RecordEvent("e2", ChangeType.DISPUTED, "ndrc-demo", Instant.parse("2026-11-02T02:00:00Z"),
                "objection");

        ListRecord next = record.next(RecordStatus.DISPUTED, record.term(), disputed);

        assertThat(next.version()).isEqualTo(2);
        assertThat(next.status()).isEqualTo(RecordStatus.DISPUTED);
        assertThat(next.history()).extracting(RecordEvent::type).containsExactly(ChangeType.CREATED, ChangeType.DISPUTED);
        assertThat(next.hasEvent("e2")).isTrue();
        assertThat(record.history()).as("the earlier version is unchanged").hasSize(1);
    }

    @Test
    void statusAsOfADayFollowsTheHistoryInBeijingTimeAndTheTerm() {
        ListRecord record = aRecord(LocalDate.of(2026, 11, 1), LocalDate.of(2027, 4, 29));
        ListRecord disputed = record.next(RecordStatus.DISPUTED, record.term(), new RecordEvent("e2",
                ChangeType.DISPUTED, "x", Instant.parse("2026-12-01T16:30:00Z"), "objection")); // 00:30 on 2 Dec in Beijing
        ListRecord removed = disputed.next(RecordStatus.REMOVED, record.term(), new RecordEvent("e3",
                ChangeType.REMOVED, "x", Instant.parse("2027-01-10T02:00:00Z"), "upheld", RemovalGround.OBJECTION_UPHELD));

        assertThat(removed.statusAsOf(LocalDate.of(2026, 10, 31))).isEmpty();
        assertThat(removed.statusAsOf(LocalDate.of(2026, 12, 1))).contains(RecordStatus.ACTIVE);
        assertThat(removed.statusAsOf(LocalDate.of(2026, 12, 2))).contains(RecordStatus.DISPUTED);
        assertThat(removed.statusAsOf(LocalDate.of(2027, 1, 10))).contains(RecordStatus.REMOVED);
        assertThat(record.statusAsOf(LocalDate.of(2027, 4, 30))).contains(RecordStatus.EXPIRED);
    }
}
