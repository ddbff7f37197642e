package credit.platform.gateway.observability;

import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates the tracer (and the OpenTelemetry SDK behind it) while the application starts. Nothing else
 * asks for it at start: Prometheus' exemplars look it up lazily, at the first timer recorded, which is
 * on an event loop while the first requests are answered — and when two of them do so at once, one waits
 * on the bean factory's lock there (seen by {@code NonBlockingFrontDoorTest}'s BlockHound).
 */
@Component
class TracerAtStart implements SmartInitializingSingleton {

    private final ObjectProvider<Tracer> tracer;

    TracerAtStart(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    @Override
    public void afterSingletonsInstantiated() {
        tracer.getIfAvailable();
    }
}
