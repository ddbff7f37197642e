package credit.platform.gateway.traffic;

import java.time.Duration;

import credit.platform.gateway.problem.ProblemWriter;
import credit.platform.gateway.security.Callers;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Per-client budgets (Resilience4j {@link RateLimiter}, one per client and budget). Runs after
 * authentication, so the client id comes from the validated token. Travel checks draw on their
 * own, larger budget. Over budget: 429 problem+json with {@code Retry-After}, nothing forwarded.
 */
@Component
class RateLimitFilter implements WebFilter, Ordered {

    /** After Spring Security's chain (-100), before the audit filter. */
    static final int ORDER = -60;

    private final TrafficProperties properties;
    private final ProblemWriter problems;
    private final RateLimiterRegistry limiters = RateLimiterRegistry.ofDefaults();

    RateLimitFilter(TrafficProperties properties, ProblemWriter problems) {
        this.properties = properties;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .map(Callers::of)
                .flatMap(caller -> {
                    String budgetName = exchange.getRequest().getPath().value().startsWith("/api/v1/travel-checks")
                            ? "travel-check" : "default";
                    TrafficProperties.Budget budget = properties.budget(budgetName);
                    RateLimiter limiter = limiters.rateLimiter(budgetName + ":" + caller.clientId(),
                            () -> RateLimiterConfig.custom()
                                    .limitForPeriod(budget.limit())
                                    .limitRefreshPeriod(budget.period())
                                    .timeoutDuration(Duration.ZERO)
                                    .build());
                    if (limiter.acquirePermission()) {
                        return chain.filter(exchange).thenReturn(Boolean.TRUE);
                    }
                    long retryAfter = Math.max(1, (budget.period().toMillis() + 999) / 1000);
                    exchange.getResponse().getHeaders().set("Retry-After", Long.toString(retryAfter));
                    return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                            "Too Many Requests", "This client has used its request budget (" + budget.limit()
                                    + " per " + budget.period().toMillis() + " ms). Retry after "
                                    + retryAfter + " s.")
                            .thenReturn(Boolean.TRUE);
                })
                .switchIfEmpty(Mono.defer(() -> chain.filter(exchange).thenReturn(Boolean.TRUE)))
                .then();
    }
}
