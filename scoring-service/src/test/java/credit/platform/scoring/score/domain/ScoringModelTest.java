package credit.platform.scoring.score.domain;

import static credit.platform.scoring.score.domain.Records.NOW;
import static credit.platform.scoring.score.domain.Records.aRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoringModelTest {

    static final List<GradeBand> SUINING_BANDS = List.of(new GradeBand("A", 970), new GradeBand("B", 850),
            new GradeBand("C", 600), new GradeBand("D", Long.MIN_VALUE));

    static ScoringModel model(Rule... rules) {
        return new ScoringModel("test-model", 1, SubjectKind.PERSON, 1000, List.of(rules), SUINING_BANDS);
    }

    @Test
    void recordOnANamedListCostsThatRulesPointsAndIsExplainedByItsRecord() {
        ScoringModel model = model(Rule.perRecordOnList("spc", "spc-dishonest-debtors", -50, "SPC debtor"));
        ListRecordFact record = aRecord().withId("r1").build();

        Score score = model.score("subject-1", List.of(record), NOW);

        assertThat(score.points()).isEqualTo(950);
        assertThat(score.contributions()).containsExactly(
                new Contribution("spc", "list-record:r1", -50, "SPC debtor (spc-dishonest-debtors, AUTH)"));
    }

    @Test
    void kindRuleCatchesEveryListOfItsKindNotNamedBefore() {
        ScoringModel model = model(
                Rule.perRecordOnList("spc", "spc-dishonest-debtors", -50, "SPC"),
                Rule.perRecordOfKind("black", ListKind.BLACK, -20, "black"));

        Score score = model.score("s", List.of(aRecord().build(),
                aRecord().on("sta-major-tax-violations", ListKind.BLACK).build()), NOW);

        assertThat(score.contributions()).extracting(Contribution::ruleId).containsExactly("spc", "black");
        assertThat(score.points()).isEqualTo(930);
    }

    @Test
    void redListRecordAddsPoints() {
        ScoringModel model = model(Rule.perRecordOfKind("red", ListKind.RED, 50, "red"));

        assertThat(model.score("s", List.of(aRecord().on("sta-grade-a-taxpayers", ListKind.RED).build()), NOW).points())
                .isEqualTo(1050);
    }

    @Test
    void recordNoRuleMatchesContributesNothing() {
        ScoringModel model = model(Rule.perRecordOfKind("red", ListKind.RED, 50, "red"));

        Score score = model.score("s", List.of(aRecord().on("watch", ListKind.WATCH).build()), NOW);

        assertThat(score.contributions()).isEmpty();
        assertThat(score.points()).isEqualTo(1000);
    }

    @Test
    void cappedRuleAddsOneLineBringingItsTotalBackToTheCap() {
        ScoringModel model = model(Rule.perRecordOnList("pen", "admin-penalties-serious", -30, "penalty").cappedAt(50));
        List<ListRecordFact> records = List.of(
                aRecord().on("admin-penalties-serious", ListKind.PENALTY).build(),
                aRecord().on("admin-penalties-serious", ListKind.PENALTY).build());

        Score score = model.score("s", records, NOW);

        assertThat(score.points()).isEqualTo(950);
        assertThat(score.contributions()).hasSize(3);
        assertThat(score.contributions().getLast()).isEqualTo(
                new Contribution("pen", "rule:pen", 10, "penalty: capped at -50 in all"));
    }

    @Test
    void capBelowReachIsNotMentioned() {
        ScoringModel model = model(Rule.perRecordOfKind("red", ListKind.RED, 50, "red").cappedAt(100));

        Score score = model.score("s", List.of(aRecord().on("red", ListKind.RED).build()), NOW);

        assertThat(score.contributions()).hasSize(1);
    }

    @Test
    void recordsNotInEffectAtTheInstantDoNotCount() {
        ScoringModel model = model(Rule.perRecordOfKind("black", ListKind.BLACK, -50, "black"));
        List<ListRecordFact> records = List.of(
                aRecord().until(NOW).build(),
                aRecord().from(NOW.plusSeconds(1)).build(),
                aRecord().until(NOW.plusSeconds(1)).build());

        assertThat(model.score("s", records, NOW).points()).isEqualTo(950);
    }

    @Test
    void gradeBandsHoldAtTheirEdges() {
        ScoringModel model = model();
        assertThat(model.grade(970)).isEqualTo("A");
        assertThat(model.grade(969)).isEqualTo("B");
        assertThat(model.grade(850)).isEqualTo("B");
        assertThat(model.grade(849)).isEqualTo("C");
        assertThat(model.grade(600)).isEqualTo("C");
        assertThat(model.grade(599)).isEqualTo("D");
        assertThat(model.grade(-10_000)).isEqualTo("D");
    }

    @Test
    void fiveBlackListRecordsTakeAPersonFromAToB() {
        ScoringModel model = model(Rule.perRecordOfKind("black", ListKind.BLACK, -50, "black"));
        List<ListRecordFact> records = new ArrayList<>();
        assertThat(model.score("s", records, NOW).grade()).isEqualTo("A");
        for (int i = 0; i < 3; i++) {
            records.add(aRecord().build());
        }
        assertThat(model.score("s", records, NOW).grade()).isEqualTo("B");
    }

    @Test
    void modelWithoutAnOpenLowestBandIsRejected() {
        assertThatThrownBy(() -> new ScoringModel("m", 1, SubjectKind.PERSON, 1000, List.of(),
                List.of(new GradeBand("A", 900))))
                .hasMessageContaining("lowest band");
    }

    @Test
    void ruleMustNameAListOrAKindButNotBoth() {
        assertThatThrownBy(() -> new Rule("r", "l", ListKind.BLACK, -1, null, "d")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rule("r", null, null, -1, null, "d")).isInstanceOf(IllegalArgumentException.class);
    }
}
