package credit.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import credit.platform.testsupport.MongoTestServer;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The tracer exists before the MongoDB client does. The driver's Netty threads time its first commands
 * while the application is still creating beans; the first timer looks the tracer up for Prometheus'
 * exemplars, and had it not been created yet, that thread would create it — waiting on the bean factory's
 * lock on an event loop. {@code NonBlockingFrontDoorTest} caught that once, on a clean-clone CI run
 * (2026-12-06); the race is rare, so this test checks the order that rules it out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TracerAtStartTest {

    static final List<String> created = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class CreationOrder {
        @Bean
        static BeanPostProcessor creationOrder() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof Tracer) {
                        created.add("tracer");
                    }
                    if (bean instanceof com.mongodb.reactivestreams.client.MongoClient) {
                        created.add("mongo client");
                    }
                    return bean;
                }
            };
        }
    }

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry properties) {
        MongoTestServer.register(properties, "audit-tracer-at-start");
        properties.add("credit.security.issuer-uri",
                () -> "http://127.0.0.1:" + ServiceDownTest.closedPort() + "/realms/credit");
    }

    @Test
    void theTracerIsCreatedBeforeTheMongoClientCanTimeACommand() {
        assertThat(created).contains("tracer", "mongo client");
        assertThat(created.indexOf("tracer")).as("created: %s", created).isLessThan(created.indexOf("mongo client"));
    }
}
