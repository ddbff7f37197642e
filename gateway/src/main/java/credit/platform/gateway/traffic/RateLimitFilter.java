package credit.platform.gateway.traffic;

import credit.platform.gateway.problem.ProblemWriter;
import credit.platform.gateway.security.Callers;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Per-client budgets ({@link ClientBudgets}). Runs after
 * authentication, so the client id comes from the validated token. Travel checks draw on their
 * own, larger budget. Over budget: 429 problem+json with {@code Retry-After}, nothing forwarded.
 */
@Component
class RateLimitFilter implements WebFilter, Ordered {

    /** After Spring Security's chain (-100), before the audit filter. */
    static final int ORDER = -60;

    private final ClientBudgets budgets;
    private final ProblemWriter problems;

    RateLimitFilter(ClientBudgets budgets, ProblemWriter problems) {
        this.budgets = budgets;
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
                            ? ClientBudgets.TRAVEL_CHECK : ClientBudgets.DEFAULT;
                    var over = budgets.take(budgetName, caller.clientId());
                    if (over.isEmpty()) {
                        return chain.filter(exchange).thenReturn(Boolean.TRUE);
                    }
                    long retryAfter = over.get().retryAfterSeconds();
                    exchange.getResponse().getHeaders().set("Retry-After", Long.toString(retryAfter));
                    return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                            "Too Many Requests", "This client has used its request budget (" + over.get().budget()
                                    + "). Retry after " + retryAfter + " s.")
                            .thenReturn(Boolean.TRUE);
                })
                .switchIfEmpty(Mono.defer(() -> chain.filter(exchange).thenReturn(Boolean.TRUE)))
                .then();
    }
}
