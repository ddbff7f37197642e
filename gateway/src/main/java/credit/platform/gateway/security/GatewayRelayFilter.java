package credit.platform.gateway.security;

import credit.platform.gateway.problem.GatewayProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * On every request the gateway routes to a service: drops any {@value #HEADER} the caller sent and
 * sets the gateway's own token in it, beside the caller's own {@code Authorization} (which the
 * service checks as before). The services serve outside callers only with this relay
 * (platform-common's {@code GatewayRelay}), so their ports open nothing to a token that bypasses the
 * gateway's purpose rule, audit and budgets. No token (the authorization server unreachable): 503,
 * nothing forwarded.
 */
@Component
class GatewayRelayFilter implements GlobalFilter, Ordered {

    /** Platform-common's {@code GatewayRelay.HEADER}. */
    static final String HEADER = "X-Credit-Gateway";
    private static final Logger log = LoggerFactory.getLogger(GatewayRelayFilter.class);

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
        return token.token()
                .onErrorMap(e -> {
                    log.warn("gateway token unavailable, request not forwarded: {}", e.getClass().getSimpleName());
                    return new GatewayProblemException(HttpStatus.SERVICE_UNAVAILABLE, "authorization-server-unavailable",
                            "The gateway could not obtain its own token from the authorization server. Try again later.",
                            e);
                })
                .flatMap(bearer -> chain.filter(exchange.mutate()
                        .request(r -> r.headers(h -> {
                            h.remove(HEADER);
                            h.set(HEADER, "Bearer " + bearer);
                        }))
                        .build()));
    }
}
