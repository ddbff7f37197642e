package credit.platform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The metric names a PromQL expression reads, and nothing that only looks like one. */
class PromQlTest {

    @Test
    void aggregationsFunctionsAndRangesAreNotMetrics() {
        assertThat(PromQl.metrics("sum by (decision) (rate(travel_checks_total[$__rate_interval]))"))
                .containsOnlyKeys("travel_checks_total");
    }

    @Test
    void labelMatchersAreTheMetricsLabelsAndTheirValuesAreNotNames() {
        assertThat(PromQl.metrics("max by (pod, name, state) (resilience4j_circuitbreaker_state{state=~\"open|half_open\"}) == 1"))
                .containsExactlyEntriesOf(java.util.Map.of("resilience4j_circuitbreaker_state", Set.of("state")));
        assertThat(PromQl.metrics("gateway_problems_total{status=\"429\", type!='rate_limited'}"))
                .containsEntry("gateway_problems_total", Set.of("status", "type"));
    }

    @Test
    void bothSidesOfABinaryOperatorAndAbsentAreRead() {
        assertThat(PromQl.metrics("sum(rate(gateway_problems_total{status=\"429\"}[5m])) / "
                + "sum(rate(http_server_requests_seconds_count{pod=~\"gateway-.*\"}[5m])) > 0.05"))
                .containsOnlyKeys("gateway_problems_total", "http_server_requests_seconds_count");
        assertThat(PromQl.metrics("min(audit_chain_verification_age_seconds) > 3600 or absent(audit_chain_intact)"))
                .containsOnlyKeys("audit_chain_verification_age_seconds", "audit_chain_intact");
        assertThat(PromQl.metrics("x_total offset 5m * on (pod) group_left (node) y_info > 1e3 unless z"))
                .containsOnlyKeys("x_total", "y_info", "z");
    }

    @Test
    void aMetricChosenByNameInAMatcherCannotBeChecked() {
        assertThatThrownBy(() -> PromQl.metrics("{__name__=~\"travel.*\"}")).isInstanceOf(IllegalArgumentException.class);
    }
}
