package credit.platform.sanctions.enforcement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import credit.platform.sanctions.enforcement.adapter.catalogue.CatalogueLoader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SanctionCatalogueTest {

    static final SanctionCatalogue SEED = CatalogueLoader.fromClasspath(CatalogueLoader.DEFAULT);

    @Test
    void seededRulesFollowTheReference() {
        assertThat(SEED.version()).isNotBlank();
        assertThat(SEED.rulesFor("spc-dishonest-debtors", "BLACK").getFirst().measures()).contains("AIR_TRAVEL_BAN",
                "RAIL_HIGH_SPEED_BAN", "RAIL_SOFT_SLEEPER_BAN", "HIGH_CONSUMPTION_BAN");
        JointSanctionRule railSafety = SEED.rulesFor("rail-safety-offenders", "BLACK").getFirst();
        assertThat(railSafety.measures()).containsExactly("RAIL_ALL_TRAINS_BAN");
        assertThat(railSafety.maxDuration()).isEqualTo(java.time.Period.ofDays(180));
        JointSanctionRule ndrc = SEED.rulesFor("ndrc-serious-dishonesty-travel", "BLACK").getFirst();
        assertThat(ndrc.measures()).containsExactly("AIR_TRAVEL_BAN", "RAIL_HIGH_SPEED_BAN", "RAIL_SOFT_SLEEPER_BAN");
        assertThat(ndrc.maxDuration()).isEqualTo(java.time.Period.ofYears(1));
        assertThat(SEED.rulesFor("any-red-list", "RED").getFirst().measures())
                .containsExactly("FAST_TRACK_APPROVAL", "REDUCED_INSPECTION");
        assertThat(SEED.rulesFor("samr-abnormal-operations", "IRREGULARITY")).isEmpty();
        assertThat(SEED.measure("PUBLIC_PROCUREMENT_EXCLUSION").kind()).isEqualTo(MeasureKind.SANCTION);
        assertThat(SEED.measure("FAST_TRACK_APPROVAL").kind()).isEqualTo(MeasureKind.REWARD);
        SEED.rules().forEach(r -> assertThat(r.signatories()).isNotEmpty());
    }

    @Test
    void aRuleNamingAMeasureOutsideTheCatalogueIsRejected() {
        var measure = new Measure("AIR_TRAVEL_BAN", MeasureKind.SANCTION, "no flights", "basis");
        var invented = new JointSanctionRule("r", "some-list", null, "X", List.of("PUBLIC_SHAMING"), null, List.of(),
                "appeal", "basis");

        assertThatThrownBy(() -> new SanctionCatalogue("v1", List.of(measure), List.of(invented)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PUBLIC_SHAMING");
    }
}
