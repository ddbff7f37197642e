package credit.platform.sanctions.enforcement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import credit.platform.sanctions.enforcement.adapter.catalogue.CatalogueLoader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "A grade at or below G triggers measures M": grades followed from the scoring service's feed into the index. */
class GradeRulesTest {

    static final SubjectKey COMPANY = SubjectKey.uscc("91350200776049653A");
    static final String MODEL = "corporate-compliance";
    static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

    Clock clock = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
    FakeSubjectDirectory registry = new FakeSubjectDirectory().subject("subj-co", COMPANY);
    InMemoryIndexStore store = new InMemoryIndexStore();
    Enforcement enforcement;
    IndexMaintenance maintenance;
    CheckEligibility eligibility;

    @BeforeEach
    void setUp() {
        enforcement = new Enforcement(CatalogueLoader.fromClasspath(CatalogueLoader.DEFAULT), clock,
                Duration.ofMinutes(5), StalePolicy.ANSWER_FLAGGED);
        maintenance = new IndexMaintenance(enforcement, registry, store);
        maintenance.beginSnapshot();
        maintenance.finishSnapshot(0);
        enforcement.connected(true);
        enforcement.markCaughtUp();
        eligibility = new CheckEligibility(enforcement, clock);
    }

    void grade(long seq, String grade) {
        maintenance.applyGrade(new GradeChange(seq, "subj-co", MODEL, 3, grade, T0.plusSeconds(seq)));
    }

    @Test
    void noCheckIsAnsweredUntilTheGradeFeedHasCaughtUpAndReadinessSaysSo() {
        assertThat(enforcement.caughtUp()).isFalse();
        assertThatThrownBy(() -> eligibility.check(COMPANY, null)).isInstanceOf(IndexNotCurrentException.class)
                .hasMessageContaining("grade");

        enforcement.gradesConnected(true);
        enforcement.markGradesCaughtUp();

        assertThat(enforcement.caughtUp()).isTrue();
        assertThat(eligibility.check(COMPANY, null).measures()).isEmpty();
    }

    @Test
    void aCompanyGradedDIsExcludedFromProcurementUntilItsGradeRises() {
        enforcement.markGradesCaughtUp();
        grade(1, "C");
        assertThat(eligibility.check(COMPANY, null).sanctions()).isEmpty();

        grade(2, "D");
        var excluded = eligibility.check(COMPANY, null);
        assertThat(excluded.sanctions()).singleElement().satisfies(m -> {
            assertThat(m.measure()).isEqualTo("PUBLIC_PROCUREMENT_EXCLUSION");
            assertThat(m.code()).isEqualTo("COMPLIANCE_GRADE_D");
            assertThat(m.authority()).contains("grade D", MODEL);
        });
        assertThat(eligibility.check(COMPANY, T0).sanctions()).as("not before the grade changed").isEmpty();

        grade(3, "B");
        assertThat(eligibility.check(COMPANY, null).measures()).isEmpty();
        assertThat(enforcement.index().recordCount()).as("one grade per subject and model").isEqualTo(1);
        assertThat(enforcement.gradeSequence()).isEqualTo(3);
        assertThat(store.gradeSequence).isEqualTo(3);
    }

    @Test
    void anAGradeEarnsReducedInspectionAndAnEmptyGradeRemovesIt() {
        enforcement.markGradesCaughtUp();
        grade(1, "A");
        assertThat(eligibility.check(COMPANY, null).rewards()).extracting(AppliedMeasure::measure)
                .containsExactly("REDUCED_INSPECTION");

        grade(2, "");
        assertThat(eligibility.check(COMPANY, null).measures()).isEmpty();
        assertThat(store.entries).isEmpty();
    }

    @Test
    void gradesOfModelsNoRuleNamesOnlyMoveTheSequenceAndReplayedChangesAreIgnored() {
        enforcement.markGradesCaughtUp();
        maintenance.applyGrade(new GradeChange(1, "subj-co", "suining-county-person", 2, "D", T0));
        assertThat(enforcement.index().recordCount()).isZero();
        assertThat(enforcement.gradeSequence()).isEqualTo(1);

        grade(2, "D");
        grade(2, "A"); // replayed sequence
        assertThat(eligibility.check(COMPANY, null).sanctions()).extracting(AppliedMeasure::measure)
                .containsExactly("PUBLIC_PROCUREMENT_EXCLUSION");
    }

    @Test
    void aNewListsSnapshotKeepsTheGradesAndARestartRestoresBothSequences() {
        enforcement.markGradesCaughtUp();
        grade(1, "D");
        maintenance.apply(new FeedChange(1, new FeedRecord(UUID.randomUUID().toString(), "spc-dishonest-debtors",
                "BLACK", "subj-other", SubjectKey.residentId("11010519491231002X"), "Court", RecordState.ACTIVE,
                T0, null), T0));

        maintenance.beginSnapshot();
        maintenance.finishSnapshot(5);
        assertThat(eligibility.check(COMPANY, null).sanctions()).extracting(AppliedMeasure::code)
                .containsExactly("COMPLIANCE_GRADE_D");
        assertThat(enforcement.lookup(SubjectKey.residentId("11010519491231002X")).records())
                .as("the snapshot no longer holds the record").isEmpty();

        Enforcement restarted = new Enforcement(enforcement.catalogue(), clock, Duration.ofMinutes(5),
                StalePolicy.ANSWER_FLAGGED);
        assertThat(new IndexMaintenance(restarted, registry, store).restore()).isEqualTo(5);
        restarted.markCaughtUp();
        restarted.markGradesCaughtUp();
        assertThat(restarted.gradeSequence()).isEqualTo(1);
        assertThat(new CheckEligibility(restarted, clock).check(COMPANY, null).sanctions()).hasSize(1);
    }
}
