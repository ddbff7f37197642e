package credit.platform.sanctions.reference;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The differential property with many more histories, for the {@code nightly} Maven profile
 * ({@code ./mvnw -Pnightly -pl sanctions-service test}); excluded from the default build: 60 000
 * histories of up to 120 steps (the count of cases is printed at the end).
 */
class TravelDifferentialNightlyTest {

    static long before;

    @BeforeContainer
    static void count() {
        before = Histories.CASES.get();
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        return Histories.steps(120);
    }

    @Provide
    Arbitrary<Long> starts() {
        return Histories.starts();
    }

    @Property(tries = 60_000)
    void theIndexDecidesEveryCaseAsTheReferenceOverManyMoreHistories(@ForAll("starts") long start,
            @ForAll("histories") List<Step> steps) {
        Histories.run(start, steps);
    }

    @AfterContainer
    static void report() {
        System.out.println("TravelDifferentialNightlyTest compared " + (Histories.CASES.get() - before) + " cases");
    }
}
