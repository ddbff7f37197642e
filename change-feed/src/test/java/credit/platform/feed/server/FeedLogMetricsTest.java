package credit.platform.feed.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scraper reads the feed's head as it is when scraped, tagged with the feed's name. */
class FeedLogMetricsTest {

    MongoServer server;
    MongoClient client;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void theHeadFollowsAppendsAndConflictsAreCounted() {
        FeedLog log = new FeedLog(client.getDatabase("feed"), "change_log", "key", FeedLog.Compaction.KEEP_LATEST_PER_KEY);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        FeedLogMetrics.bind(log, meters);
        assertThat(meters.get("feed.head").tag("feed", "change_log").gauge().value()).isZero();

        for (int i = 1; i <= 3; i++) {
            log.append(new PendingEvent("e" + i, "k" + i, Instant.parse("2026-11-01T00:00:00Z"), new Document("i", i)));
        }

        assertThat(meters.get("feed.head").tag("feed", "change_log").gauge().value()).isEqualTo(3);
        assertThat(meters.get("feed.append.conflicts").tag("feed", "change_log").functionCounter().count()).isZero();
        assertThat(meters.get("feed.oldest.resumable").tag("feed", "change_log").gauge().value()).isNotNegative();
    }
}
