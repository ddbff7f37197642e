package credit.platform.feed.server;

import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import org.bson.Document;

/**
 * An event written into its aggregate's own document, in the same single-document write as the state
 * change ({@link Outbox}), and appended to the log afterwards.
 *
 * @param eventId    unique and stable: a retry of the same change must produce the same id
 * @param key        the aggregate the event is about (compaction and snapshots group by it)
 * @param occurredAt when the change happened
 * @param body       the feed's own fields of the log entry (e.g. the record after the change)
 */
public record PendingEvent(String eventId, String key, Instant occurredAt, Document body) {

    public PendingEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(occurredAt, "occurredAt");
        body = body == null ? new Document() : body;
    }

    Document toDocument() {
        return new Document("eventId", eventId).append("key", key).append("occurredAt", Date.from(occurredAt))
                .append("body", body);
    }

    static PendingEvent fromDocument(Document d) {
        return new PendingEvent(d.getString("eventId"), d.getString("key"), d.getDate("occurredAt").toInstant(),
                d.get("body", Document.class));
    }
}
