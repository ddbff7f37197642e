package credit.platform.gateway.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import credit.platform.gateway.request.RequestView;
import credit.platform.gateway.request.RequestViews;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.netty.http.client.HttpClient;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/**
 * Which requests the travel-check proxy takes: exactly the travel checks of the routes it serves, as the
 * request view's route line says (never the path's or body's shape); every other line of the same
 * service (receipt verification, keys, notices) and every other service go on to the gateway routes.
 */
class TravelCheckRoutingTest {

    static final TravelCheckProxy PROXY = new TravelCheckProxy(HttpClient.create(), "http://localhost:1", null,
            new ReactiveResilience4JCircuitBreakerFactory(
                    io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry.ofDefaults(),
                    io.github.resilience4j.timelimiter.TimeLimiterRegistry.ofDefaults(), null,
                    new org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigurationProperties()),
            new TrafficProperties(java.util.Map.of(), null, java.util.Map.of(), null, null, java.util.Map.of(), null, null),
            ObservationRegistry.NOOP, Set.of(TrafficProperties.TRAVEL_ROUTE, TrafficProperties.BATCH_ROUTE));
    static final TravelCheckRouting ROUTING = new TravelCheckRouting(PROXY);

    @ParameterizedTest(name = "{0} {1} -> proxy: {2}")
    @CsvSource({
            "POST, /api/v1/travel-checks, true",
            "POST, /api/v1/travel-checks/batch, true",
            "POST, /api/v1/travel-checks/receipts/verify, false",
            "GET, /api/v1/travel-checks/receipt-keys, false",
            "GET, /api/v1/public/measures, false",
            "GET, /api/v1/subjects/s-1, false",
            "GET, /api/v1/travel-checks, false"})
    void takesExactlyTheTravelChecks(String method, String path, boolean proxied) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.method(
                org.springframework.http.HttpMethod.valueOf(method), path).build());
        if (RequestViews.build(new RequestViews.RawRequest(method, path, null, List.of(), "application/json", 10,
                false, "127.0.0.1"), LocalDate.of(2026, 5, 1)) instanceof RequestViews.Accepted accepted) {
            exchange.getAttributes().put(RequestView.ATTRIBUTE, accepted.view());
        }
        Object handler = ROUTING.getHandler(exchange).block();
        if (proxied) {
            assertThat(handler).isSameAs(PROXY);
        } else {
            assertThat(handler).isNull();
        }
    }

    @ParameterizedTest
    @CsvSource({"POST, /api/v1/travel-checks"})
    void withoutARequestViewNothingIsProxied(String method, String path) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.method(
                org.springframework.http.HttpMethod.valueOf(method), path).build());
        assertThat(ROUTING.getHandler(exchange).block()).isNull();
    }
}
