package credit.platform.sanctions.reference;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The differential property with many more histories, for the {@code nightly} Maven profile
 * ({@code ./mvnw -Pnightly -pl sanctions-service test}); excluded from the default build: 60 000
 * histories of up to 120 steps, several million cases.
 */
class TravelDifferentialNightlyTest {

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
}
