package credit.platform.gateway.traffic;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Traffic limits at the front door.
 *
 * @param rateLimits     per-caller budgets, shared by all gateway replicas: {@code default} for every
 *                       route, {@code travel-check} for travel checks, counted in checks (a batch of
 *                       n passengers takes n), {@code anonymous} per address for callers without a
 *                       token (open routes), {@code citizen} per signed-in person
 * @param maxBody        the largest request body accepted (after decompression); bigger ones get 413
 *                       before reaching a service
 * @param breakers       per gateway route id ({@code registry}, {@code lists}, …): time limit and breaker
 * @param importMaxBody  the largest bulk import ({@code POST /api/v1/subjects/imports}); streamed to
 *                       the registry, never buffered by the gateway
 * @param batchMaxBody   the largest travel-check batch ({@code POST /api/v1/travel-checks/batch}, up to
 *                       10 000 passengers), after decompression
 * @param admission      per gateway route id: how many requests may be in the service at once and how
 *                       many may wait; the rest are refused at once (503 {@code overloaded})
 * @param countsFlushInterval how often the in-memory travel-check counters are written
 * @param replicas       how the replicas share the budgets
 */
@ConfigurationProperties("credit.gateway.traffic")
public record TrafficProperties(
        @DefaultValue Map<String, Budget> rateLimits,
        @DefaultValue("1MB") DataSize maxBody,
        @DefaultValue Map<String, Breaker> breakers,
        @DefaultValue("200MB") DataSize importMaxBody,
        @DefaultValue("8MB") DataSize batchMaxBody,
        @DefaultValue Map<String, Admission> admission,
        @DefaultValue("10s") Duration countsFlushInterval,
        @DefaultValue Replicas replicas) {

    /** The bulk import upload: its own route, body limit and time limit. */
    public static final String IMPORTS_PATH = "/api/v1/subjects/imports";
    /** The gateway route (and route table service) of the bulk import upload. */
    public static final String IMPORTS_ROUTE = "registry-imports";

    /** The gateway route (and route table service) of a single travel check (shared with sanctions' other lines). */
    public static final String TRAVEL_ROUTE = "sanctions";

    /** The gateway route (and route table service) of a travel-check batch: its own body limit, admission, time limit. */
    public static final String BATCH_ROUTE = "sanctions-batch";

    /**
     * {@code limit} units per {@code period} per client, across all replicas, with bursts up to
     * {@code burst} units (0: {@code limit}).
     */
    public record Budget(@DefaultValue("50") int limit, @DefaultValue("1s") Duration period,
            @DefaultValue("0") int burst) {

        double ratePerSecond() {
            return limit * 1e9 / period.toNanos();
        }

        int effectiveBurst() {
            return burst > 0 ? burst : limit;
        }

        @Override
        public String toString() {
            return limit + " per " + period.toMillis() + " ms" + (burst > 0 ? ", bursts of " + burst : "");
        }
    }

    /**
     * @param timeout            a call slower than this fails fast (504)
     * @param failureRate        percentage of failed calls (of the last {@code window}) that opens the breaker
     * @param window             calls the failure rate is computed over
     * @param openFor            how long an open breaker answers 503 without calling the service
     */
    public record Breaker(@DefaultValue("5s") Duration timeout, @DefaultValue("50") float failureRate,
            @DefaultValue("10") int window, @DefaultValue("10s") Duration openFor) {
    }

    /**
     * @param concurrency requests in the service at once, per gateway replica
     * @param queue       requests that may wait for one of them; more are refused at once
     * @param maxWait     longest wait in the queue before the request is refused
     */
    public record Admission(@DefaultValue("64") int concurrency, @DefaultValue("128") int queue,
            @DefaultValue("500ms") Duration maxWait) {
    }

    /**
     * @param id           this replica's name in the shared budget table (blank: the host name, else random)
     * @param syncInterval how often each replica reports its clients' demand and reads the others'
     * @param liveFor      a replica that has not reported for this long no longer counts
     */
    public record Replicas(@DefaultValue("") String id, @DefaultValue("1s") Duration syncInterval,
            @DefaultValue("5s") Duration liveFor) {
    }

    public Budget budget(String name) {
        Budget b = rateLimits.get(name);
        return b != null ? b : new Budget(50, Duration.ofSeconds(1), 0);
    }

    public Admission admission(String route) {
        Admission a = admission.get(route);
        return a != null ? a : new Admission(64, 128, Duration.ofMillis(500));
    }
}
