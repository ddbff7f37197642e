package credit.platform.scoring.score.domain;

import static credit.platform.scoring.score.domain.Records.NOW;
import static credit.platform.scoring.score.domain.Records.aRecord;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per rule type beyond the per-list / per-kind basics of {@link ScoringModelTest}. */
class RuleTypesTest {

    static final Via LEGAL_REP_OF_ME = new Via(RelationType.LEGAL_REPRESENTATIVE, Via.Direction.INCOMING);
    static final Via MY_COMPANY = new Via(RelationType.LEGAL_REPRESENTATIVE, Via.Direction.OUTGOING);

    static ScoringModel model(Rule... rules) {
        return ScoringModelTest.model(rules);
    }

    @Test
    void penaltyKeepsFullWeightForItsFirstYearThenFadesLinearlyToNothing() {
        ScoringModel model = model(Rule.perRecordOfKind("pen", ListKind.PENALTY, -30, "penalty")
                .decaying(Decay.ofDays(365, 730)));
        ListRecordFact penalty = aRecord().on("admin-penalties-serious", ListKind.PENALTY).from(NOW).build();

        assertThat(model.score("s", List.of(penalty), NOW).points()).isEqualTo(970);
        assertThat(model.score("s", List.of(penalty), NOW.plus(Duration.ofDays(365))).points()).isEqualTo(970);
        var halfway = model.score("s", List.of(penalty), NOW.plus(Duration.ofDays(365 + 365)));
        assertThat(halfway.points()).isEqualTo(985);
        assertThat(halfway.contributions().getFirst().description()).contains("decayed from -30");
        var gone = model.score("s", List.of(penalty), NOW.plus(Duration.ofDays(365 + 730)));
        assertThat(gone.points()).isEqualTo(1000);
        assertThat(gone.contributions()).isEmpty();
    }

    @Test
    void decayedRecordsStillRespectTheCap() {
        ScoringModel model = model(Rule.perRecordOfKind("pen", ListKind.PENALTY, -100, "penalty")
                .decaying(Decay.ofDays(0, 100)).cappedAt(120));
        List<ListRecordFact> three = List.of(
                aRecord().on("p", ListKind.PENALTY).from(NOW).build(),
                aRecord().on("p", ListKind.PENALTY).from(NOW).build(),
                aRecord().on("p", ListKind.PENALTY).from(NOW).build());

        assertThat(model.score("s", three, NOW).points()).isEqualTo(880);
        // 50 days on each is worth −50: −150 in all, still capped at −120.
        assertThat(model.score("s", three, NOW.plus(Duration.ofDays(50))).points()).isEqualTo(880);
        // 80 days on each is worth −20: −60, under the cap, no cap line.
        Score later = model.score("s", three, NOW.plus(Duration.ofDays(80)));
        assertThat(later.points()).isEqualTo(940);
        assertThat(later.contributions()).noneMatch(c -> c.sourceRef().startsWith("rule:"));
    }

    @Test
    void groundRuleCatchesOnlyRecordsOnThatGroundAndTheOthersFallThrough() {
        ScoringModel model = model(
                Rule.perRecordOnList("false", "samr-abnormal-operations", -80, "false disclosure")
                        .onGround("false disclosure"),
                Rule.perRecordOnList("abnormal", "samr-abnormal-operations", -50, "abnormal"));
        ListRecordFact lying = aRecord().withId("r-1").on("samr-abnormal-operations", ListKind.IRREGULARITY)
                .onGround("false disclosure").build();
        ListRecordFact late = aRecord().withId("r-2").on("samr-abnormal-operations", ListKind.IRREGULARITY)
                .onGround("annual report not filed").build();

        Score score = model.score("c", List.of(lying, late), NOW);

        assertThat(score.contributions()).extracting(Contribution::ruleId, Contribution::sourceRef, Contribution::points)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("false", "list-record:r-1", -80L),
                        org.assertj.core.groups.Tuple.tuple("abnormal", "list-record:r-2", -50L));
    }

    @Test
    void relationshipRuleCountsOnlyRelatedSubjectsRecordsAndNamesTheRecordAndTheSubject() {
        ScoringModel model = model(
                Rule.perRecordOfKind("own-black", ListKind.BLACK, -100, "own"),
                Rule.perRecordOfKind("rep-black", ListKind.BLACK, -50, "legal representative listed")
                        .through(LEGAL_REP_OF_ME).cappedAt(80));
        ListRecordFact own = aRecord().withId("own-1").build();
        ListRecordFact reps1 = aRecord().withId("rep-1").build().reaching(LEGAL_REP_OF_ME, "person-9");
        ListRecordFact reps2 = aRecord().withId("rep-2").build().reaching(LEGAL_REP_OF_ME, "person-9");
        ListRecordFact otherWay = aRecord().withId("co-1").build().reaching(MY_COMPANY, "company-3");

        Score score = model.score("company-1", List.of(own, reps1, reps2, otherWay), NOW);

        assertThat(score.points()).isEqualTo(1000 - 100 - 80);
        assertThat(score.contributions()).extracting(Contribution::sourceRef)
                .containsExactly("list-record:own-1", "list-record:rep-1", "list-record:rep-2", "rule:rep-black");
        assertThat(score.contributions().get(1).description()).contains("person-9").contains("legal representative");
    }

    @Test
    void rongchengBandsHoldAtEveryEdge() {
        ScoringModel rongcheng = new ScoringModel("r", 1, SubjectKind.PERSON, 1000, List.of(), List.of(
                new GradeBand("AAA", 1050), new GradeBand("AA", 1030), new GradeBand("A+", 1010),
                new GradeBand("A", 960), new GradeBand("B", 850), new GradeBand("C", 600),
                new GradeBand("D", Long.MIN_VALUE)));

        assertThat(List.of(1050L, 1049L, 1030L, 1029L, 1010L, 1009L, 960L, 959L, 850L, 849L, 600L, 599L))
                .extracting(rongcheng::grade)
                .containsExactly("AAA", "AA", "AA", "A+", "A+", "A", "A", "B", "B", "C", "C", "D");
    }
}
