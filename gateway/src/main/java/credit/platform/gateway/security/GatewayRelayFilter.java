package credit.platform.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * On every request the gateway routes to a service: drops any {@value #HEADER} the caller sent and
 * sets the gateway's own token in it, beside the caller's own {@code Authorization} (which the
 * service checks as before). The services serve outside callers only with this relay
 * (platform-common's {@code GatewayRelay}), so their ports open nothing to a token that bypasses the
 * gateway's purpose rule, audit and budgets. No token (the authorization server unreachable): 503,
 * nothing forwarded ({@link GatewayServiceToken#relayValue()}, which the travel-check proxy uses too).
 */
@Component
class GatewayRelayFilter implements GlobalFilter, Ordered {

    /** Platform-common's {@code GatewayRelay.HEADER}. */
    static final String HEADER = GatewayServiceToken.RELAY_HEADER;

    private final GatewayServiceToken token;

    GatewayRelayFilter(GatewayServiceToken token) {
        this.token = token;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return token.relayValue()
                .flatMap(bearer -> chain.filter(exchange.mutate()
                        .request(r -> r.headers(h -> {
                            h.remove(HEADER);
                            h.set(HEADER, bearer);
                        }))
                        .build()));
    }
}
