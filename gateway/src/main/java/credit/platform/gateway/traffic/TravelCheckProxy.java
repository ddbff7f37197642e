package credit.platform.gateway.traffic;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import credit.platform.gateway.request.RequestView;
import credit.platform.gateway.security.GatewayServiceToken;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;

import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.cloud.gateway.filter.headers.observation.DefaultGatewayObservationConvention;
import org.springframework.cloud.gateway.filter.headers.observation.GatewayContext;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.support.Netty4HeadersAdapter;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;

/**
 * Serves travel checks ({@code POST /api/v1/travel-checks} and {@code …/batch}, the request view's
 * {@code sanctions} and {@code sanctions-batch} lines) by passing them to sanctions with one shared
 * reactor-netty client (Spring Cloud Gateway's own, so one connection pool), instead of through Spring
 * Cloud Gateway's route filter chain, which the profile showed costing several times the service's own
 * work per check (docs/benchmarks.md). {@link TravelCheckRouting} sends them here before Spring Cloud
 * Gateway's route lookup; no gateway route serves them.
 *
 * <p>Everything the web filters do for every request is unchanged, because they run before this handler
 * as before: the request view, admission, body limits and gzip, the token check and route scopes, the
 * client budgets counted in checks, the ALLOW/DENY counts and DENY audit (they see the body and the answer
 * pass through here as they stream). What the route's gateway filters did is done here, the same way:
 * <ul>
 *   <li>the caller's {@code Authorization} passed on beside the gateway's relay token
 *       ({@link GatewayServiceToken#relayValue()}: any {@value GatewayServiceToken#RELAY_HEADER} the caller
 *       sent is replaced; no token, 503 and nothing forwarded);</li>
 *   <li>hop-by-hop headers dropped both ways, {@code X-Forwarded-*} added as Spring Cloud Gateway adds them;</li>
 *   <li>the route's circuit breaker and time limit (the same Resilience4j breaker by route id, counting only
 *       the service's failures, {@code CircuitBreakerConfiguration}); failures become problem+json in
 *       {@code GatewayErrorHandler} (503 unreachable or breaker open, 504 too slow);</li>
 *   <li>the request body and the answer streamed, never buffered whole;</li>
 *   <li>one client observation per call (Spring Cloud Gateway's {@code http.client.requests} with its
 *       keys, child of the request's server observation; the trace context sent on to sanctions).</li>
 * </ul>
 */
public final class TravelCheckProxy implements WebHandler {

    /** Request headers never passed on (hop-by-hop, RFC 9110 §7.6.1; the host is the service's). */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "proxy-connection");

    private final HttpClient client;
    private final String upstream;
    private final GatewayServiceToken relay;
    private final ObservationRegistry observations;
    private final Map<String, Route> routes;

    /** One gateway route id served here: its breaker and time limit. */
    private record Route(String id, ReactiveCircuitBreaker breaker, Duration timeout, Convention convention) {
    }

    /**
     * @param client       the shared reactor-netty client (pool, connect timeout)
     * @param upstream     sanctions' base URI ({@code credit.gateway.sanctions-uri})
     * @param routeIds     the gateway route ids served here, each with its breaker and time limit
     */
    public TravelCheckProxy(HttpClient client, String upstream, GatewayServiceToken relay,
            ReactiveCircuitBreakerFactory<?, ?> breakers, TrafficProperties properties, ObservationRegistry observations,
            Set<String> routeIds) {
        this.client = client;
        this.upstream = upstream.endsWith("/") ? upstream.substring(0, upstream.length() - 1) : upstream;
        this.relay = relay;
        this.observations = observations;
        TrafficProperties.Breaker defaults = new TrafficProperties.Breaker(Duration.ofSeconds(5), 50, 10,
                Duration.ofSeconds(10));
        this.routes = routeIds.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(id -> id,
                id -> new Route(id, breakers.create(id), properties.breakers().getOrDefault(id, defaults).timeout(),
                        new Convention(id, this.upstream))));
    }

    /** Whether {@code id} is a gateway route served here. */
    public boolean serves(String id) {
        return routes.containsKey(id);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange) {
        RequestView view = exchange.getAttribute(RequestView.ATTRIBUTE);
        Route route = view == null ? null : view.service().map(routes::get).orElse(null);
        if (route == null) {
            return Mono.error(new IllegalStateException("not a travel-check route"));
        }
        return route.breaker().run(relay.relayValue().flatMap(bearer -> forward(exchange, route, bearer)));
    }

    private Mono<Void> forward(ServerWebExchange exchange, Route route, String bearer) {
        ServerHttpRequest request = exchange.getRequest();
        DefaultHttpHeaders headers = outgoing(request, bearer);
        String raw = request.getURI().getRawQuery();
        String uri = upstream + request.getURI().getRawPath() + (raw == null ? "" : "?" + raw);
        return Mono.deferContextual(context -> {
            // the trace context goes straight into the headers sent (a Spring view of the same Netty headers)
            Observation observation = observe(exchange, new HttpHeaders(new Netty4HeadersAdapter(headers)), route,
                    context.getOrDefault(ObservationThreadLocalAccessor.KEY, null));
            return client.request(HttpMethod.valueOf(request.getMethod().name()))
                    .uri(uri)
                    .send((req, outbound) -> {
                        // added to the client's own (host); the body's framing as the caller's (gzip: decompressed, chunked)
                        io.netty.handler.codec.http.HttpHeaders sent = req.requestHeaders().add(headers);
                        if (sent.contains(HttpHeaderNames.CONTENT_LENGTH)) {
                            sent.remove(HttpHeaderNames.TRANSFER_ENCODING);
                        } else {
                            sent.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
                        }
                        req.responseTimeout(route.timeout());
                        return outbound.send(request.getBody().map(NettyDataBufferFactory::toByteBuf));
                    })
                    .responseConnection((res, connection) -> answer(exchange, res, connection, observation))
                    .then()
                    .doOnError(e -> {
                        observation.error(e);
                        observation.stop();
                    })
                    .doOnCancel(observation::stop);
        });
    }

    /** The caller's headers without hop-by-hop ones, the relay token set, {@code X-Forwarded-*} added. */
    private static DefaultHttpHeaders outgoing(ServerHttpRequest request, String bearer) {
        // built as the Netty headers the client sends (one copy of the caller's headers, not two)
        DefaultHttpHeaders out = new DefaultHttpHeaders();
        request.getHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))
                    && !name.equalsIgnoreCase(GatewayServiceToken.RELAY_HEADER)) {
                out.add(name, values);
            }
        });
        out.set(GatewayServiceToken.RELAY_HEADER, bearer);
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote != null && remote.getAddress() != null) {
            String address = remote.getAddress().getHostAddress();
            String before = out.get("X-Forwarded-For");
            out.set("X-Forwarded-For", before == null ? address : before + "," + address);
        }
        String host = request.getHeaders().getFirst(HttpHeaders.HOST);
        if (host != null) {
            out.set("X-Forwarded-Host", host);
        }
        out.set("X-Forwarded-Proto", request.getURI().getScheme() == null ? "http" : request.getURI().getScheme());
        return out;
    }

    /** The service's answer, status and headers first, then its body streamed to the caller. */
    private static Mono<Void> answer(ServerWebExchange exchange, HttpClientResponse res, Connection connection,
            Observation observation) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(res.status().code()));
        HttpHeaders headers = response.getHeaders();
        for (Map.Entry<String, String> header : res.responseHeaders()) {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                headers.add(header.getKey(), header.getValue());
            }
        }
        if (observation.getContext() instanceof GatewayContext context) {
            context.setResponse(response);
        }
        observation.stop();
        DataBufferFactory factory = response.bufferFactory();
        Flux<DataBuffer> body = connection.inbound().receive().retain().map(buf -> wrap(factory, buf));
        return response.writeWith(body);
    }

    private static DataBuffer wrap(DataBufferFactory factory, ByteBuf buf) {
        if (factory instanceof NettyDataBufferFactory netty) {
            return netty.wrap(buf);
        }
        try {
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            return factory.wrap(bytes);
        } finally {
            buf.release();
        }
    }

    /** The call to the service, observed as Spring Cloud Gateway observes a routed call; its trace context put into {@code out}. */
    private Observation observe(ServerWebExchange exchange, HttpHeaders out, Route route, Observation parent) {
        if (observations.isNoop()) {
            return Observation.NOOP;
        }
        Observation observation = Observation.createNotStarted(null, route.convention(),
                () -> new GatewayContext(out, exchange.getRequest(), exchange), observations);
        if (parent != null) {
            observation.parentObservation(parent);
        }
        return observation.start();
    }

    /**
     * Spring Cloud Gateway's convention, with the route named by this handler (no gateway route is set on
     * the exchange): the same {@code http.client.requests} name and key set as the routed calls.
     */
    static final class Convention extends DefaultGatewayObservationConvention {

        private final String routeId;
        private final String routeUri;

        Convention(String routeId, String routeUri) {
            this.routeId = routeId;
            this.routeUri = routeUri;
        }

        @Override
        public KeyValues getLowCardinalityKeyValues(GatewayContext context) {
            HttpStatusCode status = context.getResponse() == null ? null : context.getResponse().getStatusCode();
            return KeyValues.of("spring.cloud.gateway.route.uri", routeUri,
                    "http.method", context.getRequest().getMethod().name(),
                    "spring.cloud.gateway.route.id", routeId,
                    "http.status_code", status == null ? "UNKNOWN" : String.valueOf(status.value()));
        }
    }
}
