package credit.platform.gateway.traffic;

import java.time.Duration;
import java.util.Optional;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;

import org.springframework.stereotype.Component;

/**
 * The per-client request budgets (Resilience4j {@link RateLimiter}, one per client and budget),
 * shared by the REST front door and the gRPC proxy: a client's travel checks draw on one
 * {@code travel-check} budget whichever door they come through.
 */
@Component
public class ClientBudgets {

    /** The budget of travel checks (ticketing systems check whole flights: larger). */
    public static final String TRAVEL_CHECK = "travel-check";
    /** The budget of every other request. */
    public static final String DEFAULT = "default";

    private final TrafficProperties properties;
    private final RateLimiterRegistry limiters = RateLimiterRegistry.ofDefaults();

    public ClientBudgets(TrafficProperties properties) {
        this.properties = properties;
    }

    /** Refusal of one request that is over budget: how long to wait, and the budget as text. */
    public record OverBudget(long retryAfterSeconds, String budget) {
    }

    /**
     * Takes one request from {@code clientId}'s {@code budgetName}; empty when granted. The key is
     * a client id, or the request view's budget key ({@code client:…}, {@code citizen:…},
     * {@code address:…}).
     */
    public Optional<OverBudget> take(String budgetName, String clientId) {
        TrafficProperties.Budget budget = properties.budget(budgetName);
        RateLimiter limiter = limiters.rateLimiter(budgetName + ":" + clientId,
                () -> RateLimiterConfig.custom()
                        .limitForPeriod(budget.limit())
                        .limitRefreshPeriod(budget.period())
                        .timeoutDuration(Duration.ZERO)
                        .build());
        if (limiter.acquirePermission()) {
            return Optional.empty();
        }
        long retryAfter = Math.max(1, (budget.period().toMillis() + 999) / 1000);
        return Optional.of(new OverBudget(retryAfter,
                budget.limit() + " per " + budget.period().toMillis() + " ms"));
    }
}
