package credit.platform.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import credit.platform.common.mongo.MongoPingHealthAutoConfiguration;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MongoPingHealthTest {

    @Test
    void embeddedMongoServerIsReportedUpAndAStoppedOneDown() {
        MongoServer server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort()
                + "/?serverSelectionTimeoutMS=500&connectTimeoutMS=500");
        try {
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(MongoPingHealthAutoConfiguration.class))
                    .withBean(MongoClient.class, () -> client)
                    .run(context -> {
                        HealthIndicator health = context.getBean("mongoHealthIndicator", HealthIndicator.class);
                        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
                        server.shutdownNow();
                        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
                    });
        } finally {
            client.close();
            server.shutdownNow();
        }
    }
}
