package credit.platform.gateway.traffic;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One Resilience4j circuit breaker and time limit per gateway route (the route's
 * {@code CircuitBreaker} filter names it), set from {@code credit.gateway.traffic.breakers.<route>}.
 * A slow service fails at its time limit (504); once the breaker opens, requests get a fast 503
 * problem without touching the service until {@code open-for} has passed.
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerConfiguration {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> routeBreakers(TrafficProperties properties) {
        return factory -> {
            TrafficProperties.Breaker defaults = new TrafficProperties.Breaker(java.time.Duration.ofSeconds(5), 50,
                    10, java.time.Duration.ofSeconds(10));
            factory.configureDefault(id -> config(id, properties.breakers().getOrDefault(id, defaults)));
        };
    }

    private static org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder.Resilience4JCircuitBreakerConfiguration config(
            String id, TrafficProperties.Breaker breaker) {
        return new Resilience4JConfigBuilder(id)
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(breaker.timeout()).build())
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(breaker.window())
                        .minimumNumberOfCalls(Math.min(breaker.window(), 5))
                        .failureRateThreshold(breaker.failureRate())
                        .waitDurationInOpenState(breaker.openFor())
                        .permittedNumberOfCallsInHalfOpenState(2)
                        .build())
                .build();
    }
}
