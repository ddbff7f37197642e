package credit.platform.sanctions.travel.adapter.metrics;

import credit.platform.sanctions.travel.domain.CheckCounter;
import credit.platform.sanctions.travel.domain.Decision;
import credit.platform.sanctions.travel.domain.TravelMode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counter {@code travel.checks{decision, mode, client}}: the only trace an ALLOW leaves. Each counter is
 * looked up once per client, decision and mode, then kept (clients are the platform's authenticated
 * clients, a bounded set): a check increments it without building its id again.
 */
@Component
class MicrometerCheckCounter implements CheckCounter {

    private final MeterRegistry meters;
    private final Map<Key, Counter> counters = new ConcurrentHashMap<>();

    MicrometerCheckCounter(MeterRegistry meters) {
        this.meters = meters;
    }

    private record Key(Decision decision, TravelMode mode, String client) {
    }

    @Override
    public void count(Decision decision, TravelMode mode, String client) {
        String who = client == null || client.isBlank() ? "unknown" : client;
        counters.computeIfAbsent(new Key(decision, mode, who), k -> Counter.builder("travel.checks")
                .description("Travel checks answered, by decision, mode and client")
                .tag("decision", k.decision().name())
                .tag("mode", k.mode().name())
                .tag("client", k.client())
                .register(meters)).increment();
    }
}
