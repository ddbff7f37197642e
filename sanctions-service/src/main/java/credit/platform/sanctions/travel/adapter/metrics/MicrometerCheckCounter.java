package credit.platform.sanctions.travel.adapter.metrics;

import credit.platform.sanctions.travel.domain.CheckCounter;
import credit.platform.sanctions.travel.domain.Decision;
import credit.platform.sanctions.travel.domain.TravelMode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Counter {@code travel.checks{decision, mode, client}}: the only trace an ALLOW leaves. */
@Component
class MicrometerCheckCounter implements CheckCounter {

    private final MeterRegistry meters;

    MicrometerCheckCounter(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void count(Decision decision, TravelMode mode, String client) {
        Counter.builder("travel.checks")
                .description("Travel checks answered, by decision, mode and client")
                .tag("decision", decision.name())
                .tag("mode", mode.name())
                .tag("client", client == null || client.isBlank() ? "unknown" : client)
                .register(meters)
                .increment();
    }
}
