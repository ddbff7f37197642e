package credit.platform.gateway.traffic;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Traffic limits at the front door.
 *
 * @param rateLimits  per-client budgets: {@code default} for every route, {@code travel-check} for
 *                    travel checks (ticketing systems check whole flights, so their budget is larger),
 *                    {@code anonymous} per address for callers without a token (open routes),
 *                    {@code citizen} per signed-in person
 * @param maxBody     the largest request body accepted; bigger ones get 413 before reaching a service
 * @param breakers    per gateway route id ({@code registry}, {@code lists}, …): time limit and breaker
 * @param importMaxBody the largest bulk import ({@code POST /api/v1/subjects/imports}); streamed to
 *                    the registry, never buffered by the gateway
 */
@ConfigurationProperties("credit.gateway.traffic")
public record TrafficProperties(
        @DefaultValue Map<String, Budget> rateLimits,
        @DefaultValue("1MB") DataSize maxBody,
        @DefaultValue Map<String, Breaker> breakers,
        @DefaultValue("200MB") DataSize importMaxBody) {

    /** The bulk import upload: its own route, body limit and time limit. */
    public static final String IMPORTS_PATH = "/api/v1/subjects/imports";
    /** The gateway route (and route table service) of the bulk import upload. */
    public static final String IMPORTS_ROUTE = "registry-imports";

    /** {@code limit} requests per {@code period} per client. */
    public record Budget(@DefaultValue("50") int limit, @DefaultValue("1s") Duration period) {
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

    public Budget budget(String name) {
        Budget b = rateLimits.get(name);
        return b != null ? b : new Budget(50, Duration.ofSeconds(1));
    }
}
