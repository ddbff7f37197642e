package credit.platform.sanctions.enforcement.domain;

import java.util.List;
import java.util.Set;

/**
 * One measure of the published catalogue (measures must come from the published basic list of
 * joint-punishment measures; no body may invent one outside it — {@code docs/domain.md}, "Joint
 * sanctions").
 *
 * @param bars for a travel measure, the tickets it bars (any bar matching is enough); empty for
 *             measures that bar no ticket (procurement, rewards)
 */
public record Measure(String code, MeasureKind kind, String description, String legalBasis, List<Bar> bars) {

    public Measure {
        bars = bars == null ? List.of() : List.copyOf(bars);
    }

    public Measure(String code, MeasureKind kind, String description, String legalBasis) {
        this(code, kind, description, legalBasis, List.of());
    }

    /**
     * The tickets of one mode a measure bars: every ticket of the mode, narrowed to train categories
     * ({@code G}, {@code D}, …, {@code ORDINARY}) and/or service classes ({@code RAIL_FIRST}, …) when
     * given. The travel domain reads these names.
     *
     * @param trains train categories (empty: any train)
     * @param seats  service classes (empty: any class)
     */
    public record Bar(String mode, Set<String> trains, Set<String> seats) {

        public Bar {
            trains = trains == null ? Set.of() : Set.copyOf(trains);
            seats = seats == null ? Set.of() : Set.copyOf(seats);
        }
    }
}
