package credit.platform.common.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RemoteCallsTest {

    static final RemoteCallProperties.Settings FAST = new RemoteCallProperties.Settings(
            Duration.ofMillis(300), 3, Duration.ofMillis(1), 50, 4, 4, Duration.ofSeconds(60));

    SimpleMeterRegistry meters;
    RemoteCalls calls;

    @BeforeEach
    void setUp() {
        meters = new SimpleMeterRegistry();
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        RetryRegistry retries = RetryRegistry.ofDefaults();
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
        calls = new RemoteCalls(new RemoteCallProperties(FAST, Map.of("slow", new RemoteCallProperties.Settings(
                Duration.ofSeconds(5), 1, Duration.ofMillis(1), 50, 4, 4, Duration.ofSeconds(60)))), breakers, retries);
    }

    @Test
    void everyAttemptGetsTheConfiguredDeadline() {
        Deadline seen = calls.idempotent("fast", deadline -> deadline);
        assertThat(seen.timeRemaining(TimeUnit.MILLISECONDS)).isBetween(1L, 300L);
        Deadline slow = calls.idempotent("slow", deadline -> deadline);
        assertThat(slow.timeRemaining(TimeUnit.MILLISECONDS)).isBetween(4000L, 5000L);
    }

    @Test
    void idempotentCallIsRetriedOnUnavailableUpToTheBound() {
        AtomicInteger attempts = new AtomicInteger();
        String result = calls.idempotent("flaky", deadline -> {
            if (attempts.incrementAndGet() < 3) {
                throw Status.UNAVAILABLE.asRuntimeException();
            }
            return "ok";
        });
        assertThat(result).isEqualTo("ok");
        assertThat(attempts).hasValue(3);

        AtomicInteger always = new AtomicInteger();
        assertThatThrownBy(() -> calls.idempotent("down", deadline -> {
            always.incrementAndGet();
            throw Status.UNAVAILABLE.asRuntimeException();
        })).isInstanceOf(StatusRuntimeException.class);
        assertThat(always).hasValue(3);
    }

    @Test
    void nonIdempotentCallIsNeverRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> calls.once("write", deadline -> {
            attempts.incrementAndGet();
            throw Status.UNAVAILABLE.asRuntimeException();
        })).isInstanceOf(StatusRuntimeException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void businessAnswersAreNeitherRetriedNorCountedAgainstTheBreaker() {
        AtomicInteger attempts = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> calls.idempotent("lookup", deadline -> {
                attempts.incrementAndGet();
                throw Status.NOT_FOUND.asRuntimeException();
            })).isInstanceOf(StatusRuntimeException.class)
                    .satisfies(e -> assertThat(((StatusRuntimeException) e).getStatus().getCode())
                            .isEqualTo(Status.Code.NOT_FOUND));
        }
        assertThat(attempts).hasValue(10);
        String answer = calls.idempotent("lookup", deadline -> "still reachable");
        assertThat(answer).isEqualTo("still reachable");
    }

    @Test
    void breakerOpensAfterFailuresAndThenFailsFastWithoutCallingAndIsMeasured() {
        AtomicInteger attempts = new AtomicInteger();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> calls.once("broken", deadline -> {
                attempts.incrementAndGet();
                throw Status.UNAVAILABLE.asRuntimeException();
            })).isInstanceOf(StatusRuntimeException.class);
        }
        assertThatThrownBy(() -> calls.once("broken", deadline -> {
            attempts.incrementAndGet();
            return "never";
        })).isInstanceOf(StatusRuntimeException.class)
                .hasMessageContaining("circuit breaker 'broken' is open");
        assertThat(attempts).hasValue(4);
        assertThat(meters.get("resilience4j.circuitbreaker.state").tag("name", "broken").tag("state", "open")
                .gauge().value()).isEqualTo(1.0);
    }
}
