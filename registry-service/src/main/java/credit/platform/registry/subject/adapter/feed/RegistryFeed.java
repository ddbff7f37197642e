package credit.platform.registry.subject.adapter.feed;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import credit.platform.feed.server.FeedLog;
import credit.platform.feed.server.Outbox;
import credit.platform.feed.server.PendingEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The registry's change feed (platform {@code change-feed} component): the log in
 * {@code subject_changes} (key {@code subjectId}), and the outbox in the documents whose changes it
 * announces — {@code subjects}, {@code relationships}, {@code permits}. Each write of those documents
 * carries its events (one atomic single-document write); {@link #publish} appends them right after, and
 * the sweep appends whatever a crash left pending. Every replica writes and publishes; the log stays
 * gap-free (see {@link FeedLog}).
 */
@Component
public class RegistryFeed {

    public static final String LOG = "subject_changes";
    public static final String SUBJECTS = "subjects";
    public static final String RELATIONSHIPS = "relationships";
    public static final String PERMITS = "permits";

    /** What an entry is about (field {@code kind}); entries without one predate it and are about the subject. */
    public enum Kind {
        SUBJECT, PERMIT, RELATIONSHIP
    }

    private static final Logger log = LoggerFactory.getLogger(RegistryFeed.class);

    private final MongoDatabase database;
    private final FeedLog feedLog;
    private final Outbox outbox;
    private final boolean publishAfterWrite;
    private final Clock clock;
    private final Duration retention;

    /**
     * @param publishAfterWrite false only to test crash recovery: events stay pending after the write, as
     *                          if the process died right after it, until a sweep publishes them
     */
    public RegistryFeed(MongoTemplate mongo, Clock clock,
            @Value("${credit.registry.feed.publish-after-write:true}") boolean publishAfterWrite,
            @Value("${credit.registry.feed.retention:P30D}") Duration retention) {
        this.database = mongo.getDb();
        this.feedLog = new FeedLog(database, LOG, "subjectId", FeedLog.Compaction.DROP);
        this.outbox = new Outbox(feedLog, collection(SUBJECTS), collection(RELATIONSHIPS), collection(PERMITS));
        this.publishAfterWrite = publishAfterWrite;
        this.clock = clock;
        this.retention = retention;
    }

    public FeedLog log() {
        return feedLog;
    }

    /**
     * Appends the pending events of a document just written. A failure leaves them pending for the
     * sweep: the write itself has succeeded and is not undone.
     */
    public void publish(String collection, Object id) {
        if (!publishAfterWrite) {
            return;
        }
        try {
            outbox.publish(collection(collection), id);
        } catch (RuntimeException e) {
            log.warn("registry feed: events of a {} document left pending for the sweep ({})", collection,
                    e.getClass().getSimpleName());
        }
    }

    /** Appends every event a crash (or a failed publish) left pending; on every replica, from start-up on. */
    @Scheduled(initialDelayString = "${credit.registry.feed.sweep-initial-delay:PT0S}",
            fixedDelayString = "${credit.registry.feed.sweep-interval:5s}")
    public int sweep() {
        try {
            return outbox.publishAll();
        } catch (RuntimeException e) {
            log.warn("registry feed sweep failed, retried at the next run: {}", e.getClass().getSimpleName());
            return 0;
        }
    }

    /** Entries older than the retention are dropped; consumers further behind re-derive what they hold. */
    @Scheduled(initialDelayString = "${credit.registry.feed.compaction-initial-delay:PT10M}",
            fixedDelayString = "${credit.registry.feed.compaction-interval:PT1H}")
    void compact() {
        try {
            feedLog.compact(clock.instant().minus(retention));
        } catch (RuntimeException e) {
            log.warn("registry feed compaction failed, retried at the next run: {}", e.getClass().getSimpleName());
        }
    }

    private MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }

    // --- the events, built by the repositories in the same write as the change ---

    /** The subject at a new version (registered, identifier added, status changed, reviewed). */
    public static PendingEvent subjectChanged(String subjectId, long version, Instant at) {
        return new PendingEvent("subject:" + subjectId + ":v" + version, subjectId, at,
                new Document("kind", Kind.SUBJECT.name()).append("subjectVersion", version));
    }

    /** A relationship recorded or ended announces both parties. */
    public static List<PendingEvent> relationshipChanged(String relationshipId, String change, String fromSubjectId,
            String toSubjectId, Instant at) {
        return List.of(
                new PendingEvent("relationship:" + relationshipId + ":" + change + ":from", fromSubjectId, at,
                        new Document("kind", Kind.RELATIONSHIP.name()).append("relationshipId", relationshipId)),
                new PendingEvent("relationship:" + relationshipId + ":" + change + ":to", toSubjectId, at,
                        new Document("kind", Kind.RELATIONSHIP.name()).append("relationshipId", relationshipId)));
    }

    /** A permit recorded, or its status changed. */
    public static PendingEvent permitChanged(String subjectId, String permitId, String change, Instant at) {
        String eventId = "permit:" + permitId + ":" + ("recorded".equals(change) ? change : change + ":" + UUID.randomUUID());
        return new PendingEvent(eventId, subjectId, at,
                new Document("kind", Kind.PERMIT.name()).append("permitId", permitId));
    }
}
