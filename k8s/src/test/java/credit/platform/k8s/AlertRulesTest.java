package credit.platform.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import credit.platform.k8s.PromQlEvaluator.Sample;
import credit.platform.k8s.PromQlEvaluator.Series;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The alert rules of {@code k8s/monitoring/alerts.yaml} evaluated (by {@link PromQlEvaluator}) against
 * series as the apps export them, two replicas of each: every alert fires on its fault, for the pod or
 * authority at fault and with the value its summary quotes, and stays silent on a healthy platform and on
 * the near misses. Its {@code for} duration is not modelled (a rule's shape, not Prometheus, is tested).
 * {@code ObservabilityIT} checks that the running apps export these names and labels.
 */
class AlertRulesTest {

    private static final Map<String, String> RULES = new LinkedHashMap<>();

    @BeforeAll
    static void readRules() throws IOException {
        Map<?, ?> rule = new Yaml().load(Files.readString(Manifests.MODULE_DIR.resolve("monitoring/alerts.yaml")));
        for (Object group : (List<?>) ((Map<?, ?>) rule.get("spec")).get("groups")) {
            for (Object r : (List<?>) ((Map<?, ?>) group).get("rules")) {
                RULES.put(String.valueOf(((Map<?, ?>) r).get("alert")), String.valueOf(((Map<?, ?>) r).get("expr")));
            }
        }
    }

    /** What a healthy production platform exports: two replicas of every app, feeds connected, chain intact. */
    static List<Series> healthy() {
        return List.of(
                Series.of("enforcement_index_age_seconds", 0, "pod", "sanctions-service-0"),
                Series.of("enforcement_index_age_seconds", 0, "pod", "sanctions-service-1"),
                Series.of("enforcement_grades_age_seconds", 0, "pod", "sanctions-service-0"),
                Series.of("enforcement_grades_age_seconds", 0, "pod", "sanctions-service-1"),
                Series.of("enforcement_index_lag_seconds", 0.4, "pod", "sanctions-service-0"),
                Series.of("enforcement_index_lag_seconds", 0.6, "pod", "sanctions-service-1"),
                Series.of("enforcement_grades_lag_seconds", 1.2, "pod", "sanctions-service-0"),
                Series.of("enforcement_grades_lag_seconds", 0.9, "pod", "sanctions-service-1"),
                Series.of("audit_chain_intact", 1, "pod", "gateway-0"),
                Series.of("audit_chain_intact", 1, "pod", "gateway-1"),
                Series.of("audit_chain_verification_age_seconds", 240, "pod", "gateway-0"),
                Series.of("audit_chain_verification_age_seconds", 420, "pod", "gateway-1"),
                // every authority has a row, on every lists replica (each reads the same database)
                Series.of("lists_applications_overdue", 0, "pod", "blacklist-service-0", "authority", "SPC"),
                Series.of("lists_applications_overdue", 0, "pod", "blacklist-service-1", "authority", "SPC"),
                Series.of("lists_applications_overdue", 0, "pod", "blacklist-service-0", "authority", "SAMR"),
                Series.of("lists_applications_overdue", 0, "pod", "blacklist-service-1", "authority", "SAMR"),
                Series.of("lists_calendar_covered_days", 300, "pod", "blacklist-service-0"),
                Series.of("lists_calendar_covered_days", 300, "pod", "blacklist-service-1"),
                Series.of("lists_applications_deadline_pending", 0, "pod", "blacklist-service-0"),
                Series.of("lists_applications_deadline_pending", 0, "pod", "blacklist-service-1"),
                Series.of("resilience4j_circuitbreaker_state", 1, "pod", "gateway-0", "name", "lists", "state", "closed"),
                Series.of("resilience4j_circuitbreaker_state", 0, "pod", "gateway-0", "name", "lists", "state", "open"),
                Series.of("resilience4j_circuitbreaker_state", 0, "pod", "gateway-0", "name", "lists", "state", "half_open"),
                // 100 answers/s over five minutes, one 429 a second
                Series.counter("http_server_requests_seconds_count", 0, 30_000, "pod", "gateway-0", "status", "200"),
                Series.counter("http_server_requests_seconds_count", 0, 300, "pod", "gateway-0", "status", "429"),
                Series.counter("http_server_requests_seconds_count", 0, 90_000, "pod", "sanctions-service-0", "status", "200"),
                Series.counter("gateway_problems_total", 0, 300, "pod", "gateway-0", "status", "429", "type", "rate-limited"),
                Series.counter("gateway_problems_total", 0, 30, "pod", "gateway-0", "status", "401", "type", "unauthorized"));
    }

    @Test
    void aHealthyPlatformFiresNoAlert() {
        Map<String, List<Sample>> firing = new TreeMap<>();
        RULES.forEach((alert, expr) -> {
            List<Sample> result = new PromQlEvaluator(healthy()).evaluate(expr);
            if (!result.isEmpty()) {
                firing.put(alert, result);
            }
        });
        assertThat(firing).isEmpty();
    }

    @Test
    void everyAlertIsExercisedByThisTest() {
        assertThat(RULES.keySet()).containsExactlyInAnyOrder("CreditEnforcementIndexStale", "CreditGradesStale",
                "CreditFeedLagHigh", "CreditGradeFeedLagHigh", "CreditAuditChainBroken", "CreditAuditChainUnverified",
                "CreditApplicationsOverdue", "CreditHolidayCalendarEnding", "CreditApplicationDeadlinesPending",
                "CreditCircuitBreakerOpen", "CreditGatewayRejectingClients");
    }

    @Test
    void aReplicaWhoseIndexIsOldFiresForThatReplicaOnly() {
        assertThat(fire("CreditEnforcementIndexStale", replace(healthy(),
                Series.of("enforcement_index_age_seconds", 600, "pod", "sanctions-service-1"))))
                .containsExactly(new Sample(Map.of("pod", "sanctions-service-1"), 600));
        assertThat(fire("CreditEnforcementIndexStale", replace(healthy(),
                Series.of("enforcement_index_age_seconds", 120, "pod", "sanctions-service-1")))).isEmpty();
        assertThat(fire("CreditGradesStale", replace(healthy(),
                Series.of("enforcement_grades_age_seconds", 301, "pod", "sanctions-service-0"))))
                .extracting(Sample::labels).containsExactly(Map.of("pod", "sanctions-service-0"));
    }

    @Test
    void slowFeedsFireForTheSlowReplica() {
        assertThat(fire("CreditFeedLagHigh", replace(healthy(),
                Series.of("enforcement_index_lag_seconds", 45, "pod", "sanctions-service-0"))))
                .containsExactly(new Sample(Map.of("pod", "sanctions-service-0"), 45));
        assertThat(fire("CreditFeedLagHigh", replace(healthy(),
                Series.of("enforcement_index_lag_seconds", 30, "pod", "sanctions-service-0")))).isEmpty();
        assertThat(fire("CreditGradeFeedLagHigh", replace(healthy(),
                Series.of("enforcement_grades_lag_seconds", 61, "pod", "sanctions-service-1"))))
                .extracting(Sample::labels).containsExactly(Map.of("pod", "sanctions-service-1"));
    }

    @Test
    void oneGatewayFindingTheChainBrokenIsEnough() {
        assertThat(fire("CreditAuditChainBroken", replace(healthy(),
                Series.of("audit_chain_intact", 0, "pod", "gateway-1")))).hasSize(1);
    }

    @Test
    void theChainIsUnverifiedWhenNoGatewayVerifiedItForAnHourOrNoneReportsAtAll() {
        assertThat(fire("CreditAuditChainUnverified", replace(replace(healthy(),
                Series.of("audit_chain_verification_age_seconds", 4000, "pod", "gateway-0")),
                Series.of("audit_chain_verification_age_seconds", 5000, "pod", "gateway-1")))).hasSize(1);
        // one gateway still verifying is enough
        assertThat(fire("CreditAuditChainUnverified", replace(healthy(),
                Series.of("audit_chain_verification_age_seconds", 5000, "pod", "gateway-1")))).isEmpty();
        // no gateway exporting the gauge (all down, or the metric renamed) is not silence
        assertThat(fire("CreditAuditChainUnverified", healthy().stream()
                .filter(s -> !s.labels().get("__name__").equals("audit_chain_verification_age_seconds")).toList()))
                .hasSize(1);
    }

    @Test
    void aCalendarEndingWithinSixtyDaysFiresOnceWithItsDaysAndPendingDeadlinesAreCountedOnce() {
        List<Series> ending = replace(replace(healthy(),
                Series.of("lists_calendar_covered_days", 25, "pod", "blacklist-service-0")),
                Series.of("lists_calendar_covered_days", 25, "pod", "blacklist-service-1"));
        assertThat(fire("CreditHolidayCalendarEnding", ending)).containsExactly(new Sample(Map.of(), 25));
        assertThat(fire("CreditHolidayCalendarEnding", replace(healthy(),
                Series.of("lists_calendar_covered_days", 60, "pod", "blacklist-service-0")))).isEmpty();
        List<Series> pending = replace(replace(healthy(),
                Series.of("lists_applications_deadline_pending", 2, "pod", "blacklist-service-0")),
                Series.of("lists_applications_deadline_pending", 2, "pod", "blacklist-service-1"));
        assertThat(fire("CreditApplicationDeadlinesPending", pending)).containsExactly(new Sample(Map.of(), 2));
    }

    @Test
    void overdueApplicationsFireOncePerAuthorityWithTheirNumberNotMultipliedByTheReplicas() {
        List<Series> overdue = replace(replace(healthy(),
                Series.of("lists_applications_overdue", 3, "pod", "blacklist-service-0", "authority", "SPC")),
                Series.of("lists_applications_overdue", 3, "pod", "blacklist-service-1", "authority", "SPC"));
        // both replicas count the same three applications (one database): "3 … are past their deadline"
        assertThat(fire("CreditApplicationsOverdue", overdue)).containsExactly(new Sample(Map.of("authority", "SPC"), 3));
    }

    @Test
    void anOpenBreakerFiresForItsPodAndName() {
        List<Series> open = replace(replace(healthy(),
                Series.of("resilience4j_circuitbreaker_state", 0, "pod", "gateway-0", "name", "lists", "state", "closed")),
                Series.of("resilience4j_circuitbreaker_state", 1, "pod", "gateway-0", "name", "lists", "state", "open"));
        assertThat(fire("CreditCircuitBreakerOpen", open)).extracting(Sample::labels)
                .containsExactly(Map.of("pod", "gateway-0", "name", "lists"));
        List<Series> halfOpen = replace(replace(healthy(),
                Series.of("resilience4j_circuitbreaker_state", 0, "pod", "gateway-0", "name", "lists", "state", "closed")),
                Series.of("resilience4j_circuitbreaker_state", 1, "pod", "gateway-0", "name", "lists", "state", "half_open"));
        assertThat(fire("CreditCircuitBreakerOpen", halfOpen)).isEmpty();
    }

    @Test
    void theGatewayRejectingOverFivePercentAsOverBudgetFires() {
        // 10 % of the gateway's answers are its own 429s; the services' requests do not dilute the share
        List<Series> rejecting = replace(replace(healthy(),
                Series.counter("gateway_problems_total", 0, 3_000, "pod", "gateway-0", "status", "429", "type", "rate-limited")),
                Series.counter("http_server_requests_seconds_count", 0, 3_000, "pod", "gateway-0", "status", "429"));
        assertThat(fire("CreditGatewayRejectingClients", rejecting)).singleElement()
                .satisfies(s -> assertThat(s.value()).isCloseTo(3_000.0 / 33_000, org.assertj.core.data.Offset.offset(1e-9)));
    }

    private static List<Sample> fire(String alert, List<Series> series) {
        assertThat(RULES).containsKey(alert);
        return new PromQlEvaluator(series).evaluate(RULES.get(alert));
    }

    /** {@code series} with the one of the same labels replaced by {@code changed}. */
    private static List<Series> replace(List<Series> series, Series changed) {
        assertThat(series).anyMatch(s -> s.labels().equals(changed.labels()));
        return series.stream().map(s -> s.labels().equals(changed.labels()) ? changed : s).toList();
    }
}
