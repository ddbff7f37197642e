package credit.platform.feed.server;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox inside each aggregate's own document: a state change and its event are one atomic
 * single-document write (no transactions needed; the embedded server has none), and the event reaches
 * the log afterwards.
 *
 * <p>A document carries {@value #PENDING} — the events of its changes not yet in the log, in the order
 * the changes happened — and {@value #SEQUENCE}, the sequence of its last event in the log. Publishing
 * appends the pending events in that order (so a later change of one aggregate always gets a higher
 * sequence than an earlier one) and removes each from the document. A crash between the state write and
 * the append loses nothing: {@link #publishAll()} (at start-up and periodically, on every replica) finds
 * documents with pending events and publishes them; the log holds each event id once, so two replicas
 * publishing the same document at once append each event once.
 */
public final class Outbox {

    /** Array of the events not yet in the log, oldest first. */
    public static final String PENDING = "_outbox";
    /** The sequence of the document's last event in the log. */
    public static final String SEQUENCE = "_feedSequence";

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final FeedLog feedLog;
    private final List<MongoCollection<Document>> aggregates;

    /** @param aggregates the collections whose documents carry events of this feed */
    @SafeVarargs
    public Outbox(FeedLog feedLog, MongoCollection<Document>... aggregates) {
        this.feedLog = feedLog;
        this.aggregates = List.of(aggregates);
    }

    public FeedLog log() {
        return feedLog;
    }

    /** The field value for a new document whose creation is announced by {@code events}. */
    public static List<Document> pending(PendingEvent... events) {
        return Arrays.stream(events).map(PendingEvent::toDocument).toList();
    }

    /** The update that adds events to a document, to combine with the state change in one update. */
    public static Bson push(PendingEvent... events) {
        return Updates.pushEach(PENDING, pending(events));
    }

    /** Matches documents with no event pending (e.g. the condition of a compare-and-set). */
    public static Bson nothingPending() {
        return Filters.not(Filters.exists(PENDING + ".eventId"));
    }

    /** Matches documents with an event pending. */
    public static Bson somethingPending() {
        return Filters.exists(PENDING + ".eventId");
    }

    /** The document's pending events, oldest first. */
    public static List<PendingEvent> pendingOf(Document aggregate) {
        List<?> raw = aggregate.get(PENDING, List.class);
        if (raw == null) {
            return List.of();
        }
        List<PendingEvent> out = new ArrayList<>();
        for (Object o : raw) {
            out.add(PendingEvent.fromDocument((Document) o));
        }
        return out;
    }

    /** The sequence of the document's last event when nothing is pending, else empty. */
    public static Optional<Long> publishedAt(Document aggregate) {
        if (!pendingOf(aggregate).isEmpty()) {
            return Optional.empty();
        }
        Number sequence = (Number) aggregate.get(SEQUENCE);
        return Optional.ofNullable(sequence).map(Number::longValue);
    }

    /**
     * Appends the pending events of one document, oldest first, and removes each from it.
     *
     * @return the sequence of the last event appended, or -1 when nothing was pending
     */
    public long publish(MongoCollection<Document> collection, Object id) {
        Document aggregate = collection.find(Filters.eq("_id", id)).first();
        return aggregate == null ? -1 : publish(collection, aggregate);
    }

    private long publish(MongoCollection<Document> collection, Document aggregate) {
        long last = -1;
        for (PendingEvent event : pendingOf(aggregate)) {
            last = feedLog.append(event);
            // Filtered by _id alone: the embedded Mongo-protocol server answers from its _id index only a
            // filter on _id and nothing else ({_id, "_outbox.eventId"} scanned the whole collection for every
            // published event: quadratic on a large import). Nothing is lost by it: the pull removes this
            // event if it is still pending (and nothing otherwise), and the $max never lowers the sequence.
            collection.updateOne(Filters.eq("_id", aggregate.get("_id")),
                    Updates.combine(Updates.pullByFilter(new Document(PENDING, new Document("eventId", event.eventId()))),
                            Updates.max(SEQUENCE, last)));
        }
        return last;
    }

    /**
     * Publishes every document with pending events, in every collection of this feed (crash recovery:
     * run at start-up and periodically).
     *
     * @return how many documents had events pending
     */
    public int publishAll() {
        int found = 0;
        for (MongoCollection<Document> collection : aggregates) {
            List<Document> pending = collection.find(somethingPending()).into(new ArrayList<>());
            for (Document aggregate : pending) {
                publish(collection, aggregate);
                found++;
            }
        }
        if (found > 0) {
            log.info("feed {}: published the pending events of {} documents left by an interrupted write",
                    feedLog.name(), found);
        }
        return found;
    }

    /**
     * A snapshot of one collection as at a sequence: each document as it was at {@code at} — its stored
     * state when its last event is in the log at or below {@code at} with nothing pending, else its last
     * log entry at or below {@code at} (a document changed after {@code at}, or still pending). Watching
     * after {@code at} then misses nothing and repeats nothing.
     *
     * @param fromState the item for a stored document (empty: not part of the snapshot, e.g. ended)
     * @param fromLog   the item for a log entry (empty: not part of the snapshot)
     */
    public static <T> void snapshot(FeedLog feedLog, MongoCollection<Document> collection, long at,
            Function<Document, Optional<T>> fromState, Function<FeedEntry, Optional<T>> fromLog,
            Function<Document, String> keyOf, Consumer<T> out) {
        for (Document d : collection.find()) {
            Optional<Long> published = publishedAt(d);
            Optional<T> item = published.isPresent() && published.get() <= at
                    ? fromState.apply(d)
                    : feedLog.latestFor(keyOf.apply(d), at).flatMap(fromLog);
            item.ifPresent(out);
        }
    }
}
