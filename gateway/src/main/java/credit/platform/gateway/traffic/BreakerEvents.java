package credit.platform.gateway.traffic;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every circuit breaker of the gateway (REST routes and the gRPC door) logs its state changes. */
public final class BreakerEvents {

    private static final Logger log = LoggerFactory.getLogger(BreakerEvents.class);

    private BreakerEvents() {
    }

    /** Logs each state change of {@code breaker} at WARN: {@code circuit breaker sanctions CLOSED -> OPEN}. */
    public static void logTransitions(CircuitBreaker breaker) {
        breaker.getEventPublisher().onStateTransition(e -> log.warn("circuit breaker {} {} -> {}",
                e.getCircuitBreakerName(), e.getStateTransition().getFromState(), e.getStateTransition().getToState()));
    }
}
