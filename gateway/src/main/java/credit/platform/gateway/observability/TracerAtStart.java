package credit.platform.gateway.observability;

import com.mongodb.MongoClientSettings;
import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.stereotype.Component;

/**
 * Creates the tracer (and the OpenTelemetry SDK behind it) while the application starts, on the starting
 * thread. Nothing else asks for it at start: Prometheus' exemplars look it up lazily, at the first timer
 * recorded, and that is on an event loop — the first requests' answers, or, earlier, the MongoDB driver's
 * Netty threads timing the first commands while the application is still creating its beans. Creating it
 * there means waiting on the bean factory's lock on an event loop (both seen by
 * {@code NonBlockingFrontDoorTest}'s BlockHound). So it is created before the MongoDB client is built (as
 * one of the client's settings customizers, the first thing that could start those threads), and again
 * asked for once every singleton exists.
 */
@Component
class TracerAtStart implements SmartInitializingSingleton, MongoClientSettingsBuilderCustomizer {

    private final ObjectProvider<Tracer> tracer;

    TracerAtStart(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    @Override
    public void customize(MongoClientSettings.Builder settings) {
        tracer.getIfAvailable();
    }

    @Override
    public void afterSingletonsInstantiated() {
        tracer.getIfAvailable();
    }
}
