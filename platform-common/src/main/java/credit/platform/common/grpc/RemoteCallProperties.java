package credit.platform.common.grpc;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deadline, retry and circuit-breaker settings per named remote call, e.g.
 * {@code credit.remote-calls.calls.registry-resolve.deadline=500ms}. Calls not named use the
 * defaults.
 */
@ConfigurationProperties("credit.remote-calls")
public record RemoteCallProperties(@DefaultValue Settings defaults, Map<String, Settings> calls) {

    public RemoteCallProperties {
        calls = calls == null ? Map.of() : Map.copyOf(calls);
    }

    public Settings settingsFor(String name) {
        return calls.getOrDefault(name, defaults);
    }

    /**
     * @param deadline              per attempt
     * @param maxAttempts           attempts in all, for idempotent calls (1 = no retry)
     * @param retryWait             pause between attempts
     * @param failureRateThreshold  percentage of failed calls that opens the breaker
     * @param slidingWindowSize     calls the failure rate is measured over
     * @param minimumNumberOfCalls  calls before the failure rate counts
     * @param openStateWait         how long the breaker stays open before probing again
     */
    public record Settings(
            @DefaultValue("2s") Duration deadline,
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("100ms") Duration retryWait,
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("20") int slidingWindowSize,
            @DefaultValue("10") int minimumNumberOfCalls,
            @DefaultValue("10s") Duration openStateWait) {
    }
}
