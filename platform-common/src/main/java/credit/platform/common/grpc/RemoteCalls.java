package credit.platform.common.grpc;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one way a service calls another: every call has a name, a deadline per attempt, a circuit
 * breaker, and — only when the call is idempotent — a bounded retry. Settings are per name in
 * configuration ({@link RemoteCallProperties}); metrics of breakers and retries are exported.
 *
 * <pre>{@code
 * Subject s = calls.idempotent("registry-resolve",
 *         deadline -> registry.withDeadline(deadline).resolveIdentifier(request));
 * }</pre>
 */
public class RemoteCalls {

    /** Failures that say the remote side is unwell: they count against the breaker and may be retried. */
    private static final Set<Status.Code> REMOTE_FAILURES = Set.of(
            Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED, Status.Code.RESOURCE_EXHAUSTED,
            Status.Code.INTERNAL, Status.Code.UNKNOWN, Status.Code.ABORTED);

    /** Of those, the ones worth another attempt. */
    private static final Set<Status.Code> RETRYABLE = Set.of(
            Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED, Status.Code.RESOURCE_EXHAUSTED,
            Status.Code.ABORTED);

    private final RemoteCallProperties properties;
    private final CircuitBreakerRegistry breakers;
    private final RetryRegistry retries;

    public RemoteCalls(RemoteCallProperties properties, CircuitBreakerRegistry breakers, RetryRegistry retries) {
        this.properties = properties;
        this.breakers = breakers;
        this.retries = retries;
    }

    /** A call that may safely be repeated (reads, idempotent writes): deadline, breaker, retry. */
    public <T> T idempotent(String name, Function<Deadline, T> call) {
        return execute(name, call, true);
    }

    /** A call that must not be repeated blindly: deadline and breaker, no retry. */
    public <T> T once(String name, Function<Deadline, T> call) {
        return execute(name, call, false);
    }

    private <T> T execute(String name, Function<Deadline, T> call, boolean retry) {
        RemoteCallProperties.Settings settings = properties.settingsFor(name);
        CircuitBreaker breaker = breakers.circuitBreaker(name, () -> breakerConfig(settings));
        Supplier<T> attempt = () -> call.apply(
                Deadline.after(settings.deadline().toMillis(), TimeUnit.MILLISECONDS));
        Supplier<T> guarded = CircuitBreaker.decorateSupplier(breaker, attempt);
        if (retry && settings.maxAttempts() > 1) {
            Retry r = retries.retry(name, () -> retryConfig(settings));
            guarded = Retry.decorateSupplier(r, guarded);
        }
        try {
            return guarded.get();
        } catch (CallNotPermittedException open) {
            throw Status.UNAVAILABLE
                    .withDescription("circuit breaker '" + name + "' is open: the remote service is failing")
                    .withCause(open)
                    .asRuntimeException();
        }
    }

    private static CircuitBreakerConfig breakerConfig(RemoteCallProperties.Settings s) {
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(s.failureRateThreshold())
                .slidingWindowSize(s.slidingWindowSize())
                .minimumNumberOfCalls(s.minimumNumberOfCalls())
                .waitDurationInOpenState(s.openStateWait())
                .recordException(RemoteCalls::isRemoteFailure)
                .build();
    }

    private static RetryConfig retryConfig(RemoteCallProperties.Settings s) {
        return RetryConfig.custom()
                .maxAttempts(s.maxAttempts())
                .waitDuration(s.retryWait())
                .retryOnException(e -> e instanceof StatusRuntimeException sre
                        && RETRYABLE.contains(sre.getStatus().getCode()))
                .build();
    }

    static boolean isRemoteFailure(Throwable e) {
        return e instanceof StatusRuntimeException sre && REMOTE_FAILURES.contains(sre.getStatus().getCode());
    }
}
