package credit.platform.gateway.grpcproxy;

import credit.platform.common.grpc.GrpcCallObservations;
import credit.platform.gateway.audit.TravelCheckAudit;
import credit.platform.gateway.security.CachingReactiveJwtDecoder;
import credit.platform.gateway.security.GatewayServiceToken;
import credit.platform.gateway.traffic.Admission;
import credit.platform.gateway.traffic.Admissions;
import credit.platform.gateway.traffic.BreakerEvents;
import credit.platform.gateway.traffic.ClientBudgets;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.grpc.ManagedChannel;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the gRPC front door: the gateway's own token decoder, budgets, admission and audit, one breaker (in the
 * gateway's breaker registry, so {@code resilience4j_circuitbreaker_state{name="sanctions-grpc"}} is
 * exported like the routes' breakers), and observations (a server span per proxied call, a client span
 * per call to sanctions, W3C trace context passed on).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GrpcProxyProperties.class)
@ConditionalOnProperty(name = "credit.gateway.grpc.enabled", havingValue = "true", matchIfMissing = true)
class GrpcProxyConfiguration {

    @Bean
    ProxiedMethods proxiedMethods() {
        return new ProxiedMethods();
    }

    @Bean
    GrpcProxyServer grpcProxyServer(GrpcProxyProperties properties, ProxiedMethods methods,
            CachingReactiveJwtDecoder decoder, ClientBudgets budgets, Admissions admissions, TravelCheckAudit audit,
            GatewayServiceToken relayToken, ObjectProvider<CircuitBreakerRegistry> breakers,
            ObjectProvider<ObservationRegistry> observationRegistry) {
        ObservationRegistry observations = observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP);
        CircuitBreaker breaker = breakers.getIfAvailable(CircuitBreakerRegistry::ofDefaults).circuitBreaker("sanctions-grpc",
                CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.breaker().window())
                .minimumNumberOfCalls(Math.min(properties.breaker().window(), 5))
                .failureRateThreshold(properties.breaker().failureRate())
                .waitDurationInOpenState(properties.breaker().openFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .build());
        BreakerEvents.logTransitions(breaker);
        Admission admission = admissions.forRoute(Admissions.GRPC);
        ManagedChannel upstream = GrpcProxyServer.channel(properties);
        GrpcCallObservations calls = new GrpcCallObservations(observations);
        return new GrpcProxyServer(properties, methods, method -> new GrpcProxyHandler(method, upstream, decoder,
                budgets, admission, breaker, audit, properties.defaultDeadline(), relayToken, calls), upstream);
    }
}
