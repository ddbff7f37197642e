package credit.platform.scoring.score.adapter.feed;

import com.mongodb.client.MongoCollection;
import credit.platform.feed.server.FeedLog;
import credit.platform.feed.server.Outbox;
import java.time.Clock;
import java.time.Duration;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The grade-change feed (platform {@code change-feed} component): the log in {@code grade_changes}
 * (key {@code <subject>|<model>}), and the outbox in {@code current_grades} — one document per subject
 * and model holding its current grade; a grade moves by compare-and-set on that document and carries
 * its grade change in the same write. Published right after the move, and by a sweep on every replica
 * for whatever a crash left pending. Compaction keeps each subject's latest grade change under a model,
 * so {@code SnapshotGrades} as at any retained sequence stays possible.
 */
@Component
public class GradeFeed {

    public static final String LOG = "grade_changes";
    public static final String CURRENT = "current_grades";

    private static final Logger log = LoggerFactory.getLogger(GradeFeed.class);

    private final FeedLog feedLog;
    private final MongoCollection<Document> current;
    private final Outbox outbox;
    private final boolean publishAfterWrite;
    private final Clock clock;
    private final Duration retention;

    /**
     * @param publishAfterWrite false only to test crash recovery: grade changes stay pending after the
     *                          move, as if the process died right after it, until a sweep publishes them
     */
    public GradeFeed(MongoTemplate mongo, Clock clock,
            @Value("${credit.scoring.feed.publish-after-write:true}") boolean publishAfterWrite,
            @Value("${credit.scoring.feed.retention:P30D}") Duration retention) {
        this.feedLog = new FeedLog(mongo.getDb(), LOG, "key", FeedLog.Compaction.KEEP_LATEST_PER_KEY);
        this.current = mongo.getDb().getCollection(CURRENT);
        this.outbox = new Outbox(feedLog, current);
        this.publishAfterWrite = publishAfterWrite;
        this.clock = clock;
        this.retention = retention;
    }

    public FeedLog log() {
        return feedLog;
    }

    public MongoCollection<Document> current() {
        return current;
    }

    public static String key(String subjectId, String modelId) {
        return subjectId + "|" + modelId;
    }

    /** Appends the pending grade change of a document just moved; a failure leaves it to the sweep. */
    public void publish(String key) {
        if (!publishAfterWrite) {
            return;
        }
        try {
            outbox.publish(current, key);
        } catch (RuntimeException e) {
            log.warn("grade feed: a grade change left pending for the sweep ({})", e.getClass().getSimpleName());
        }
    }

    @Scheduled(initialDelayString = "${credit.scoring.feed.sweep-initial-delay:PT0S}",
            fixedDelayString = "${credit.scoring.feed.sweep-interval:5s}")
    public int sweep() {
        try {
            return outbox.publishAll();
        } catch (RuntimeException e) {
            log.warn("grade feed sweep failed, retried at the next run: {}", e.getClass().getSimpleName());
            return 0;
        }
    }

    @Scheduled(initialDelayString = "${credit.scoring.feed.compaction-initial-delay:PT10M}",
            fixedDelayString = "${credit.scoring.feed.compaction-interval:PT1H}")
    void compact() {
        try {
            feedLog.compact(clock.instant().minus(retention));
        } catch (RuntimeException e) {
            log.warn("grade feed compaction failed, retried at the next run: {}", e.getClass().getSimpleName());
        }
    }
}
