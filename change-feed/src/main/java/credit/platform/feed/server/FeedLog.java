package credit.platform.feed.server;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sequenced log of one change feed, in one MongoDB collection: {@code _id} is the sequence (1, 2,
 * 3, …), {@code eventId} is unique (an event is appended once), the key names the aggregate, and the
 * feed's own fields sit beside them.
 *
 * <p><b>Gap-free with any number of writers, without a leader.</b> An append takes the next sequence
 * after the highest one this process knows to be committed and inserts it; the unique {@code _id} is
 * the only arbiter: when another writer (thread or replica) took that sequence first, the insert fails,
 * the writer reads the head again and retries. So sequence n is only ever inserted by a writer that has
 * seen n-1 committed: the committed log is always a contiguous prefix, and a reader that reads
 * "everything after my position" can never pass over an entry that commits later. Appends are written
 * with majority write concern, so on a replica set a fail-over cannot roll back n-1 under a committed n.
 * Rejected: MongoDB change streams (see docs/architecture.md, DR-7, for the measurements) and a
 * leader-elected single writer (a lease stops every write for its expiry when the leader dies; the
 * unique index already decides).
 *
 * <p><b>Compaction</b> (Kafka-style): below a horizon the log keeps only each key's latest entry (or
 * nothing, for feeds whose consumers re-derive instead of re-reading); the horizon is raised before
 * anything is deleted, and a reader whose position is below it is told to take a new snapshot.
 */
public final class FeedLog {

    /** What compaction keeps below the horizon. */
    public enum Compaction {
        /** Each key's latest entry (a snapshot as at any sequence at or above the horizon stays possible). */
        KEEP_LATEST_PER_KEY,
        /** Nothing: consumers behind the horizon re-derive what they hold from the source. */
        DROP
    }

    private static final Logger log = LoggerFactory.getLogger(FeedLog.class);
    private static final String COMPACTION = "compaction";
    private static final int MAX_APPEND_ATTEMPTS = 1000;
    /** The largest batch {@link #readAfter} reads by sequence (larger ones are read by range). */
    static final int MAX_POINT_READ = 10_000;

    private final String name;
    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> state;
    private final String keyField;
    private final Compaction compaction;
    private final ReentrantLock appendLock = new ReentrantLock();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong conflicts = new AtomicLong();
    /** The highest sequence this process knows to be committed; guarded by {@link #appendLock}. */
    private long lastKnown = -1;
    /**
     * The head when this process opened the log: logs written before this component (a counter, then
     * an insert) may hold permanent holes up to it, which readers pass. Above it there are none.
     */
    private final long legacyHead;

    /**
     * @param collection the log's collection; its compaction horizon is kept in {@code <collection>_state}
     * @param keyField   the field that names the aggregate of an entry (e.g. {@code recordId})
     */
    public FeedLog(MongoDatabase database, String collection, String keyField, Compaction compaction) {
        this.name = collection;
        this.entries = database.getCollection(collection).withWriteConcern(WriteConcern.MAJORITY);
        this.state = database.getCollection(collection + "_state").withWriteConcern(WriteConcern.MAJORITY);
        this.keyField = keyField;
        this.compaction = compaction;
        // Sparse: entries written before event ids were kept have none.
        entries.createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true).sparse(true));
        entries.createIndex(Indexes.ascending(keyField, "_id"));
        this.legacyHead = head();
    }

    public String name() {
        return name;
    }

    /**
     * Appends the event once, in one insert: an event already in the log is not appended again, its
     * sequence is returned. Safe from any number of threads and processes at once.
     *
     * @return the event's sequence
     */
    public long append(PendingEvent event) {
        long sequence;
        appendLock.lock();
        try {
            sequence = appendLocked(event);
        } finally {
            appendLock.unlock();
        }
        listeners.forEach(FeedLog::notifySafely);
        return sequence;
    }

    private long appendLocked(PendingEvent event) {
        // The cached head must still be in the log (the head entry is never compacted away; a log
        // emptied by hand, as tests do, would otherwise be continued after a hole).
        if (lastKnown < 0 || lastKnown > 0 && entries.find(Filters.eq("_id", lastKnown))
                .projection(Projections.include("_id")).first() == null) {
            lastKnown = head();
        }
        for (int attempt = 1; ; attempt++) {
            long next = lastKnown + 1;
            Document entry = new Document("_id", next)
                    .append("eventId", event.eventId())
                    .append(keyField, event.key())
                    .append("occurredAt", Date.from(event.occurredAt()));
            event.body().forEach((field, value) -> {
                if (!entry.containsKey(field)) {
                    entry.append(field, value);
                }
            });
            try {
                entries.insertOne(entry);
                lastKnown = next;
                return next;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                Optional<Long> appended = sequenceOf(event.eventId());
                lastKnown = Math.max(lastKnown, head());
                if (appended.isPresent()) {
                    return appended.get();
                }
                conflicts.incrementAndGet();
                if (attempt >= MAX_APPEND_ATTEMPTS) {
                    throw new IllegalStateException("feed " + name + ": sequence " + next
                            + " taken by another writer " + attempt + " times in a row", e);
                }
            }
        }
    }

    /** How many appends found their sequence taken by another writer and retried (a metric). */
    public long conflicts() {
        return conflicts.get();
    }

    /** The sequence the event was appended at, if it was. */
    public Optional<Long> sequenceOf(String eventId) {
        Document entry = entries.find(Filters.eq("eventId", eventId)).projection(Projections.include("_id")).first();
        return Optional.ofNullable(entry).map(d -> ((Number) d.get("_id")).longValue());
    }

    /** The highest committed sequence, 0 when the log is empty. Everything from the horizon up to it is present. */
    public long head() {
        return edge(-1);
    }

    /** The lowest sequence still in the log, 0 when it is empty. */
    public long lowest() {
        return edge(1);
    }

    /**
     * Entries after {@code after}, in sequence order, at most {@code limit}; never past a hole above the
     * compaction horizon (there is none in a log this component wrote; the check makes a skipped entry
     * impossible even then — the reader waits and reads again).
     *
     * <p>Read by sequence, not by range: the sequences {@code after .. after + limit} are asked for by
     * {@code _id} (a point lookup in the {@code _id} index on every MongoDB, and the only kind of query the
     * embedded MongoDB-protocol server answers from an index — a range or a sort there scans and sorts the
     * whole log, once per watcher per append). The answer is the same as the range read's: a batch with no
     * hole is what the range read returns; at a hole above the legacy head and the horizon the range read
     * stops too; anything else (a hole below them, or nothing at or before {@code after}) is read by range.
     */
    public List<FeedEntry> readAfter(long after, int limit) {
        if (limit <= 0 || limit > MAX_POINT_READ || after < 0) {
            return readAfterByRange(after, limit);
        }
        List<Long> wanted = new ArrayList<>(limit + 1);
        for (long s = after; s <= after + limit; s++) {
            wanted.add(s);
        }
        Map<Long, Document> found = new HashMap<>();
        for (Document d : entries.find(Filters.in("_id", wanted))) {
            found.put(((Number) d.get("_id")).longValue(), d);
        }
        List<FeedEntry> out = new ArrayList<>();
        for (long s = after + 1; s <= after + limit && found.containsKey(s); s++) {
            out.add(toEntry(found.get(s)));
        }
        if (out.size() == limit) {
            return out;
        }
        long hole = after + out.size() + 1;
        // The range read stops at the first entry past this hole when the hole is above the legacy head and
        // the horizon and some entry lies before it (then the lowest entry is below the one past the hole).
        boolean entryBefore = !out.isEmpty() || found.containsKey(after);
        if (hole > legacyHead && hole > horizon() && entryBefore) {
            return out;
        }
        return readAfterByRange(after, limit);
    }

    /** {@link #readAfter} by a range query on {@code _id}: the reference, and the way past legacy holes. */
    List<FeedEntry> readAfterByRange(long after, int limit) {
        List<FeedEntry> out = new ArrayList<>();
        long previous = after;
        for (Document d : entries.find(Filters.gt("_id", after)).sort(Sorts.ascending("_id")).limit(limit)) {
            FeedEntry entry = toEntry(d);
            if (entry.sequence() > previous + 1 && entry.sequence() > legacyHead && entry.sequence() > horizon()
                    && entry.sequence() > lowest()) {
                log.debug("feed {}: entry {} is not yet followed by {}; read again later", name, previous, previous + 1);
                break;
            }
            out.add(entry);
            previous = entry.sequence();
        }
        return out;
    }

    /** The key's last entry at or below {@code upTo}: the aggregate as it was at that sequence. */
    public Optional<FeedEntry> latestFor(String key, long upTo) {
        Document d = entries.find(Filters.and(Filters.eq(keyField, key), Filters.lte("_id", upTo)))
                .sort(Sorts.descending("_id")).limit(1).first();
        return Optional.ofNullable(d).map(this::toEntry);
    }

    /** The compaction horizon: below it the log is compacted (0: never compacted). */
    public long horizon() {
        Document d = state.find(Filters.eq("_id", COMPACTION)).first();
        return d == null ? 0 : ((Number) d.get("horizon")).longValue();
    }

    /** The lowest position a watcher can resume after; a watcher further behind must take a new snapshot. */
    public long oldestResumable() {
        return Math.max(0, horizon() - 1);
    }

    /** The lowest sequence from which the log is complete: the horizon, or the lowest entry (0 when empty). */
    public long oldestRetained() {
        long h = horizon();
        return h > 0 ? h : lowest();
    }

    /**
     * Compacts entries that occurred before {@code cutoff}: raises the horizon to the first entry at or
     * after it (never past the head), then deletes below it what the policy does not keep — one
     * single-document delete each, so an interrupted run is finished by the next.
     *
     * @return how many entries were deleted
     */
    public int compact(Instant cutoff) {
        long head = head();
        Document first = entries.find(Filters.gte("occurredAt", Date.from(cutoff))).sort(Sorts.ascending("_id"))
                .projection(Projections.include("_id")).first();
        long candidate = first == null ? head + 1 : ((Number) first.get("_id")).longValue();
        long newHorizon = Math.min(candidate, head + 1);
        if (compaction == Compaction.DROP) {
            newHorizon = Math.min(newHorizon, head); // the head entry always stays: the next append continues after it
        }
        if (newHorizon <= horizon()) {
            return 0;
        }
        state.updateOne(Filters.eq("_id", COMPACTION), Updates.max("horizon", newHorizon), new UpdateOptions().upsert(true));
        List<Long> doomed = new ArrayList<>();
        Set<String> latestSeen = new HashSet<>();
        for (Document d : entries.find(Filters.lt("_id", newHorizon)).sort(Sorts.descending("_id"))
                .projection(Projections.include("_id", keyField))) {
            String key = d.getString(keyField);
            boolean keep = compaction == Compaction.KEEP_LATEST_PER_KEY && (key == null || latestSeen.add(key));
            if (!keep) {
                doomed.add(((Number) d.get("_id")).longValue());
            }
        }
        doomed.forEach(sequence -> entries.deleteOne(Filters.eq("_id", sequence)));
        if (!doomed.isEmpty()) {
            log.info("feed {} compacted below sequence {}: {} entries deleted", name, newHorizon, doomed.size());
        }
        return doomed.size();
    }

    /** Runs {@code listener} after every append in this process (a wake-up for watchers); close to stop. */
    public AutoCloseable subscribe(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private long edge(int direction) {
        Document d = entries.find().sort(direction < 0 ? Sorts.descending("_id") : Sorts.ascending("_id"))
                .projection(Projections.include("_id")).limit(1).first();
        return d == null ? 0 : ((Number) d.get("_id")).longValue();
    }

    private FeedEntry toEntry(Document d) {
        Date at = d.getDate("occurredAt");
        return new FeedEntry(((Number) d.get("_id")).longValue(), d.getString("eventId"), d.getString(keyField),
                at == null ? null : at.toInstant(), d);
    }

    private static void notifySafely(Runnable listener) {
        try {
            listener.run();
        } catch (RuntimeException e) {
            log.warn("feed listener failed: {}", e.getClass().getName());
        }
    }
}
