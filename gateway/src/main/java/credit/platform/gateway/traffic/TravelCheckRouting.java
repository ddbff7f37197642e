package credit.platform.gateway.traffic;

import credit.platform.gateway.request.RequestView;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * Hands travel checks to {@link TravelCheckProxy}: a request whose request view names one of the routes
 * the proxy serves ({@code sanctions} single checks, {@code sanctions-batch}) and is a travel check by
 * its route line. Ordered before every other handler mapping, Spring Cloud Gateway's route lookup
 * included, so travel checks never reach a gateway route (the {@code View} predicate refuses them too).
 * Other requests of the same routes (receipt verification, keys, notices) go on to the gateway routes.
 */
final class TravelCheckRouting implements HandlerMapping, Ordered {

    /** Before WebFlux's router functions (-1), its controllers (0) and Spring Cloud Gateway's routes (1). */
    static final int ORDER = -10;

    private final TravelCheckProxy proxy;
    private final Mono<Object> handler;

    TravelCheckRouting(TravelCheckProxy proxy) {
        this.proxy = proxy;
        this.handler = Mono.just(proxy);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Object> getHandler(ServerWebExchange exchange) {
        RequestView view = exchange.getAttribute(RequestView.ATTRIBUTE);
        if (view != null && view.access().travelCheck() && view.service().filter(proxy::serves).isPresent()) {
            return handler;
        }
        return Mono.empty();
    }
}
