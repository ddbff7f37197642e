package credit.platform.gateway.traffic;

import credit.platform.gateway.problem.ProblemWriter;
import credit.platform.gateway.request.AccessKind;
import credit.platform.gateway.request.BatchChecks;
import credit.platform.gateway.request.RequestView;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Request budgets ({@link ClientBudgets}). Runs after authentication, so the request view knows the
 * caller: a platform client is counted by its id, a signed-in person by their subject, an anonymous
 * caller (open routes) by address. Travel checks draw on their own budget, counted in checks: a single
 * check is one; a batch (its route line says so) takes one to be let in, and the rest of its passengers
 * are charged once its body has been read (counted by the one reading of the body, the audit's scan,
 * {@link BatchChecks}; the budget may go into debt, which the caller then waits out). Over budget: 429 problem+json with {@code Retry-After}, nothing forwarded.
 */
final class RateLimitFilter implements WebFilter, Ordered {

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
        RequestView view = exchange.getAttribute(RequestView.ATTRIBUTE);
        if (view == null || view.route().isEmpty() || !view.path().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        // who the caller is and which budget it draws on: the request view decides (a client by its
        // id, a person by their subject, an anonymous caller by address)
        var over = budgets.take(view.budget(), view.budgetKey());
        if (over.isEmpty()) {
            if (view.access() == AccessKind.TRAVEL_CHECK_BATCH) {
                // the rest of the batch is charged once its body has been read (the one reading: the audit's)
                String budget = view.budget();
                String key = view.budgetKey();
                BatchChecks.whenCounted(exchange, checks -> budgets.charge(budget, key, checks - 1));
            }
            return chain.filter(exchange);
        }
        long retryAfter = over.get().retryAfterSeconds();
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(retryAfter));
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                "Too Many Requests", "This caller has used its request budget (" + over.get().budget()
                        + "). Retry after " + retryAfter + " s.");
    }
}
