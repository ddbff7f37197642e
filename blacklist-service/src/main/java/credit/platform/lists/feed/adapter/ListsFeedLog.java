package credit.platform.lists.feed.adapter;

import credit.platform.feed.server.FeedEntry;
import credit.platform.feed.server.FeedLog;
import credit.platform.feed.server.PendingEvent;
import credit.platform.lists.feed.domain.ChangeEvent;
import credit.platform.lists.feed.domain.ChangeLogStore;
import credit.platform.lists.record.adapter.mongo.RecordDocuments;
import credit.platform.lists.record.domain.ChangeType;
import credit.platform.lists.record.domain.RecordChange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The lists change log on the platform's change-feed component, in collection {@code change_log}:
 * {@code _id} is the sequence, {@code eventId} unique, {@code recordId} the key, and each entry carries
 * the record as it was after the change. Compaction keeps each record's latest entry.
 */
@Component
public class ListsFeedLog implements ChangeLogStore {

    public static final String LOG = "change_log";

    private final FeedLog log;

    ListsFeedLog(MongoTemplate mongo) {
        this.log = new FeedLog(mongo.getDb(), LOG, "recordId", FeedLog.Compaction.KEEP_LATEST_PER_KEY);
    }

    /** The component's log (for the watch pump). */
    public FeedLog log() {
        return log;
    }

    @Override
    public long append(RecordChange change) {
        return log.append(new PendingEvent(change.eventId(), change.record().id(), change.occurredAt(),
                new Document("type", change.type().name()).append("record", RecordDocuments.toDocument(change.record()))));
    }

    @Override
    public long head() {
        return log.head();
    }

    @Override
    public List<ChangeEvent> readAfter(long after, int limit) {
        return log.readAfter(after, limit).stream().map(ListsFeedLog::toEvent).toList();
    }

    @Override
    public Optional<ChangeEvent> latestFor(String recordId, long upTo) {
        return log.latestFor(recordId, upTo).map(ListsFeedLog::toEvent);
    }

    @Override
    public long oldestResumable() {
        return log.oldestResumable();
    }

    @Override
    public long oldestRetained() {
        return log.oldestRetained();
    }

    @Override
    public int compact(Instant cutoff) {
        return log.compact(cutoff);
    }

    public static ChangeEvent toEvent(FeedEntry e) {
        Document d = e.body();
        return new ChangeEvent(e.sequence(), e.eventId(), ChangeType.valueOf(d.getString("type")),
                RecordDocuments.toRecord(d.get("record", Document.class)), e.occurredAt());
    }
}
