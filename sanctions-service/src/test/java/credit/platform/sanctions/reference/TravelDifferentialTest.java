package credit.platform.sanctions.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The index agrees with the reference evaluator on every check of generated histories: the CI-sized
 * run (at least 100 000 cases: every class of every mode for each generated check). The nightly
 * profile runs {@link TravelDifferentialNightlyTest} with many more histories. A counterexample jqwik
 * finds and shrinks is kept in {@link TravelDifferentialRegressionTest}.
 */
class TravelDifferentialTest {

    static final int TRIES = 2_500;
    static long before;

    @BeforeContainer
    static void count() {
        before = Histories.CASES.get();
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        return Histories.steps();
    }

    @Provide
    Arbitrary<Long> starts() {
        return Histories.starts();
    }

    @Property(tries = TRIES)
    void theIndexDecidesEveryCaseAsTheReference(@ForAll("starts") long start, @ForAll("histories") List<Step> steps) {
        Histories.run(start, steps);
    }

    @AfterContainer
    static void atLeastOneHundredThousandCases() {
        long compared = Histories.CASES.get() - before;
        System.out.println("TravelDifferentialTest compared " + compared + " cases");
        assertThat(compared).as("cases compared in the CI run").isGreaterThanOrEqualTo(100_000);
    }
}
