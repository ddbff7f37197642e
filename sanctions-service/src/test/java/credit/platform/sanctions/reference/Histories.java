package credit.platform.sanctions.reference;

import static org.assertj.core.api.Assertions.assertThat;

import credit.platform.sanctions.enforcement.domain.Role;
import credit.platform.sanctions.travel.domain.TrainCategory;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generated histories (registrations' identifiers bound and unbound, roles with past and future periods,
 * listings, extensions, disputes, removals, expiry), with checks at random and at interesting dates
 * (every boundary ±1 day, 29 February 2028), and the run of one history against index and reference.
 */
final class Histories {

    /** Cases compared in this JVM (each check expands to every class of every mode). */
    static final AtomicLong CASES = new AtomicLong();

    private Histories() {
    }

    static Arbitrary<Long> starts() {
        return Arbitraries.longs().between(0, 400L * 24 * 60);
    }

    static Arbitrary<List<Step>> steps() {
        return steps(60);
    }

    static Arbitrary<List<Step>> steps(int maxSize) {
        Arbitrary<Step> advance = Arbitraries.oneOf(Arbitraries.longs().between(1, 24 * 60),
                Arbitraries.longs().between(1, 200L * 24 * 60)).map(Step.Advance::new);
        Arbitrary<Step> bind = Combinators.combine(Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 9))
                .as(Step.Bind::new);
        Arbitrary<Step> unbind = Arbitraries.integers().between(0, 9).map(Step.Unbind::new);
        Arbitrary<Step> addRole = Combinators.combine(Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 9), Arbitraries.of(Role.class), Arbitraries.integers().between(-400, 300),
                Arbitraries.integers().between(0, 700).injectNull(0.4)).as(Step.AddRole::new);
        Arbitrary<Step> endRole = Combinators.combine(Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(-100, 200)).as(Step.EndRole::new);
        Arbitrary<Step> listing = Combinators.combine(Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 9), Arbitraries.integers().between(-400, 60),
                Arbitraries.integers().between(0, 1000).injectNull(0.3)).as(Step.Listing::new);
        Arbitrary<Step> transition = Combinators.combine(Arbitraries.integers().between(0, 9),
                Arbitraries.of(Step.Transition.Kind.class), Arbitraries.integers().between(1, 1100)).as(Step.Transition::new);
        Arbitrary<int[]> jitterAndMinute = Combinators.combine(Arbitraries.integers().between(-1, 1),
                Arbitraries.integers().between(0, 24 * 60 - 1)).as((jitter, minute) -> new int[] {jitter, minute});
        Arbitrary<Step> check = Combinators.combine(
                Arbitraries.integers().between(0, 20), Arbitraries.of(Step.Spelling.class), Arbitraries.of(TrainCategory.class),
                Arbitraries.of(true, false, false, false, false, false, false, false, false, false),
                Arbitraries.of(Step.Focus.class), Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(-60, 800), jitterAndMinute)
                .as((document, spelling, train, badTrain, focus, focusIndex, offset, jm) ->
                        new Step.Check(document, spelling, train, badTrain, focus, focusIndex, offset, jm[0], jm[1]));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, advance), net.jqwik.api.Tuple.of(2, bind), net.jqwik.api.Tuple.of(1, unbind),
                net.jqwik.api.Tuple.of(2, addRole), net.jqwik.api.Tuple.of(1, endRole), net.jqwik.api.Tuple.of(3, listing),
                net.jqwik.api.Tuple.of(2, transition), net.jqwik.api.Tuple.of(5, check))
                .list().ofMinSize(1).ofMaxSize(maxSize);
    }

    /** Runs one history: every step applied to the world and fed to the index; every check compared. */
    static void run(long start, List<Step> steps) {
        World world = new World(start);
        IndexUnderTest index = new IndexUnderTest(world);
        int n = 0;
        for (Step step : steps) {
            n++;
            if (step instanceof Step.Check check) {
                List<Case> cases = Case.expand(world, check);
                List<ReferenceEvaluator.Answer> actual = index.decide(cases);
                for (int i = 0; i < cases.size(); i++) {
                    ReferenceEvaluator.Answer expected = ReferenceEvaluator.decide(world, cases.get(i));
                    assertThat(actual.get(i)).as("step %d (%s), case %s", n, step, cases.get(i)).isEqualTo(expected);
                }
                CASES.addAndGet(cases.size());
            } else {
                index.observe(step.apply(world));
            }
        }
    }
}
