package credit.platform.gateway.request;

import credit.platform.gateway.security.Callers;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Completes the {@link RequestView} with the caller once Spring Security has validated the token
 * (its chain runs at -100): every later filter — budgets, the audit — reads the caller from the
 * view. An anonymous request (an open route) keeps an empty caller and is budgeted by address.
 */
@Component
public class CallerFilter implements WebFilter, Ordered {

    /** Right after Spring Security's chain (-100), before budgets (-60) and the audit (-40). */
    public static final int ORDER = -95;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        RequestView view = exchange.getAttribute(RequestView.ATTRIBUTE);
        if (view == null) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .mapNotNull(Callers::of)
                .doOnNext(caller -> exchange.getAttributes().put(RequestView.ATTRIBUTE, view.withCaller(caller)))
                .then(Mono.defer(() -> chain.filter(exchange)));
    }
}
