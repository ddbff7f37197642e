package credit.platform.gateway.traffic;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import credit.platform.gateway.problem.GatewayProblemException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.ResponseStatusException;

/**
 * One Resilience4j circuit breaker and time limit per gateway route (the route's
 * {@code CircuitBreaker} filter names it), set from {@code credit.gateway.traffic.breakers.<route>}.
 * A slow service fails at its time limit (504); once the breaker opens, requests get a fast 503
 * problem without touching the service until {@code open-for} has passed.
 *
 * <p>A breaker counts <b>the service's</b> failures only ({@link #serviceFailure}): it cannot be reached,
 * it timed out, the connection broke. The gateway's own refusals — over budget, route at capacity
 * ({@link Admission}, which runs before the breaker anyway), body too large or malformed — are not the
 * service failing and never open it. Spring Cloud CircuitBreaker's default bulkhead is switched off
 * ({@code spring.cloud.circuitbreaker.bulkhead.resilience4j.enabled=false}): admission control is the
 * one concurrency limit, and it answers 503, never 500. Every state change is logged at WARN.
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerConfiguration {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> routeBreakers(TrafficProperties properties) {
        return factory -> {
            TrafficProperties.Breaker defaults = new TrafficProperties.Breaker(Duration.ofSeconds(5), 50, 10,
                    Duration.ofSeconds(10));
            factory.configureDefault(id -> config(id, properties.breakers().getOrDefault(id, defaults)));
            factory.getCircuitBreakerRegistry().getEventPublisher()
                    .onEntryAdded(added -> BreakerEvents.logTransitions(added.getAddedEntry()));
        };
    }

    /** Whether {@code e} is the service failing (as opposed to the gateway refusing or the client's request being bad). */
    static boolean serviceFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof GatewayProblemException) {
                return false;
            }
            if (t instanceof ResponseStatusException rse) {
                return rse.getStatusCode().is5xxServerError();
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof ConnectException || t instanceof IOException
                    || t instanceof io.netty.channel.ConnectTimeoutException
                    || t instanceof io.netty.handler.timeout.ReadTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static Resilience4JConfigBuilder.Resilience4JCircuitBreakerConfiguration config(String id,
            TrafficProperties.Breaker breaker) {
        return new Resilience4JConfigBuilder(id)
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(breaker.timeout()).build())
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(breaker.window())
                        .minimumNumberOfCalls(Math.min(breaker.window(), 5))
                        .failureRateThreshold(breaker.failureRate())
                        .waitDurationInOpenState(breaker.openFor())
                        .permittedNumberOfCallsInHalfOpenState(2)
                        .recordException(CircuitBreakerConfiguration::serviceFailure)
                        .build())
                .build();
    }
}
