package credit.platform.scoring.score.domain;

import static credit.platform.scoring.score.domain.Records.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The explanation always adds up to the score, and each record's line is its own. */
class ScoreExplanationPropertiesTest {

    static final String[] LISTS = {"spc-dishonest-debtors", "rail-safety-offenders", "sta-major-tax-violations",
            "admin-penalties-general", "admin-penalties-serious", "sta-grade-a-taxpayers", "samr-abnormal-operations"};
    static final ListKind[] KINDS = {ListKind.BLACK, ListKind.BLACK, ListKind.BLACK, ListKind.PENALTY,
            ListKind.PENALTY, ListKind.RED, ListKind.IRREGULARITY};

    static final Via REP = new Via(RelationType.LEGAL_REPRESENTATIVE, Via.Direction.INCOMING);

    static final ScoringModel CAPPED = new ScoringModel("p", 1, SubjectKind.PERSON, 1000, List.of(
            Rule.perRecordOnList("spc", "spc-dishonest-debtors", -50, "spc"),
            Rule.perRecordOfKind("black", ListKind.BLACK, -40, "black").cappedAt(120),
            Rule.perRecordOnList("pen-s", "admin-penalties-serious", -30, "pen").cappedAt(200),
            Rule.perRecordOfKind("pen", ListKind.PENALTY, -10, "pen").cappedAt(200).decaying(Decay.ofDays(10, 20)),
            Rule.perRecordOfKind("red", ListKind.RED, 50, "red").cappedAt(100),
            Rule.perRecordOfKind("rep", ListKind.BLACK, -30, "rep").through(REP).cappedAt(60)),
            ScoringModelTest.SUINING_BANDS);

    static final ScoringModel UNCAPPED = new ScoringModel("u", 1, SubjectKind.PERSON, 1000, List.of(
            Rule.perRecordOnList("spc", "spc-dishonest-debtors", -50, "spc"),
            Rule.perRecordOfKind("black", ListKind.BLACK, -40, "black"),
            Rule.perRecordOfKind("pen", ListKind.PENALTY, -10, "pen").decaying(Decay.ofDays(10, 20)),
            Rule.perRecordOfKind("red", ListKind.RED, 50, "red"),
            Rule.perRecordOfKind("rep", ListKind.BLACK, -30, "rep").through(REP)),
            ScoringModelTest.SUINING_BANDS);

    @Provide
    Arbitrary<List<ListRecordFact>> records() {
        Arbitrary<ListRecordFact> record = Combinators.combine(
                        Arbitraries.integers().between(0, LISTS.length - 1),
                        Arbitraries.integers().between(0, 1_000_000),
                        Arbitraries.longs().between(-100_000, 100_000),
                        Arbitraries.longs().between(0, 40L * 86_400),
                        Arbitraries.of(false, false, true))
                .as((list, id, offset, age, related) -> {
                    ListRecordFact f = new ListRecordFact("r" + id, LISTS[list], KINDS[list], "AUTH",
                            NOW.minusSeconds(age), offset > 0 ? NOW.plusSeconds(offset) : null);
                    return related ? f.reaching(REP, "rel-" + (id % 3)) : f;
                });
        return record.list().ofMaxSize(30).uniqueElements(ListRecordFact::recordId);
    }

    @Property
    void pointsAreBasePlusTheSumOfContributionsAndGradeFollowsPoints(@ForAll("records") List<ListRecordFact> records) {
        Score score = CAPPED.score("s", records, NOW);

        assertThat(score.points()).isEqualTo(
                score.basePoints() + score.contributions().stream().mapToLong(Contribution::points).sum());
        assertThat(score.grade()).isEqualTo(CAPPED.grade(score.points()));
    }

    @Property
    void removingARecordRemovesExactlyItsContribution(@ForAll("records") @Size(min = 1) List<ListRecordFact> records,
            @ForAll @IntRange(min = 0, max = 29) int pick) {
        ListRecordFact removed = records.get(pick % records.size());
        List<ListRecordFact> rest = new ArrayList<>(records);
        rest.remove(removed);

        Score before = UNCAPPED.score("s", records, NOW);
        Score after = UNCAPPED.score("s", rest, NOW);

        List<Contribution> expected = new ArrayList<>(before.contributions());
        expected.removeIf(c -> c.sourceRef().equals(removed.sourceRef()));
        assertThat(after.contributions()).containsExactlyElementsOf(expected);
        long removedPoints = before.contributions().stream().filter(c -> c.sourceRef().equals(removed.sourceRef()))
                .mapToLong(Contribution::points).sum();
        assertThat(after.points()).isEqualTo(before.points() - removedPoints);
    }
}
