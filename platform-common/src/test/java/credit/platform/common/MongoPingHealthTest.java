package credit.platform.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import credit.platform.common.mongo.MongoPingHealthAutoConfiguration;
import credit.platform.common.mongo.MongoReachability;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Mongo health by {@code ping}, kept current in the background: UP on a running embedded server, DOWN
 * promptly once it is stopped, UP again after it is back on the same port. The driver here waits
 * 60 s for a server, far longer than the 20 s these checks allow: an indicator that pinged inline (or
 * that kept answering its last UP while its ping hung) would give no DOWN in time. The bound only
 * catches "no answer at all", not a speed.
 */
class MongoPingHealthTest {

    static final Duration NO_ANSWER_AT_ALL = Duration.ofSeconds(20);

    @Test
    void embeddedMongoServerIsReportedUpAStoppedOneDownAtOnceAndUpAgainAfterItsReturn() {
        MongoServer server = new MongoServer(new MemoryBackend());
        int port = server.bind().getPort();
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port
                + "/?serverSelectionTimeoutMS=60000&connectTimeoutMS=1000");
        MongoServer[] again = new MongoServer[1];
        try {
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(MongoPingHealthAutoConfiguration.class))
                    .withBean(MongoClient.class, () -> client)
                    .withPropertyValues("credit.mongo.health.interval=200ms", "credit.mongo.health.answer-within=500ms")
                    .run(context -> {
                        HealthIndicator health = context.getBean("mongoHealthIndicator", HealthIndicator.class);
                        assertThat(health).isInstanceOf(MongoReachability.class);
                        awaitStatus(health, Status.UP);
                        server.shutdownNow();
                        awaitStatus(health, Status.DOWN);
                        again[0] = new MongoServer(new MemoryBackend());
                        again[0].bind("127.0.0.1", port);
                        awaitStatus(health, Status.UP);
                    });
        } finally {
            client.close();
            server.shutdownNow();
            if (again[0] != null) {
                again[0].shutdownNow();
            }
        }
    }

    /** Polls (each call must answer; none may block on the driver) until the status is seen. */
    static void awaitStatus(HealthIndicator health, Status expected) {
        assertTimeoutPreemptively(NO_ANSWER_AT_ALL, () -> {
            while (!health.health().getStatus().equals(expected)) {
                Thread.sleep(50);
            }
        }, () -> "health did not answer " + expected + " within " + NO_ANSWER_AT_ALL);
    }
}
