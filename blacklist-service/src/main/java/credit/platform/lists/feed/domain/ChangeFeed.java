package credit.platform.lists.feed.domain;

import credit.platform.lists.record.domain.ListRecord;
import credit.platform.lists.record.domain.RecordChange;
import credit.platform.lists.record.domain.RecordChangeLog;
import credit.platform.lists.record.domain.RecordRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ordered change feed of the lists service: sequences record changes and serves them to
 * watchers (DESIGN.md, "Sequenced change feeds need care").
 *
 * <p><b>Why readers never see a gap.</b> The lists service is the <em>single writer</em> of its feed:
 * only this process appends to the log, and inside it every append takes {@link #lock}, allocates
 * the next sequence and inserts the entry (an acknowledged single-document write) before releasing
 * it. So entry n+1 is only ever written after entry n is durable: commit order equals sequence
 * order. On top of that readers only read up to the {@link #watermark()}, which is advanced under
 * the lock after the entry is written and the record is marked published; an entry whose sequence
 * is allocated but not yet committed is never visible, so a reader can never skip past it.
 *
 * <p><b>Crash safety without transactions.</b> Each step is one atomic single-document write: the
 * record (its event pending), then the log entry (keyed by sequence, unique on event id), then the
 * record's "published at" mark. A re-append of an event already in the log is detected by its event
 * id and only finishes the mark. On start the feed finishes marks left by a crash before it lets
 * anyone read.
 *
 * <p><b>More than one replica</b> would break the single-writer premise: two processes could take
 * sequences 5 and 6 and commit 6 first. The unique {@code _id} on the sequence keeps the log free of
 * duplicates even then ({@link SequenceConflictException}: reload and retry), but gap-safety would
 * need one of: a leader-elected single writer (e.g. a Kubernetes Lease; the other replicas serve
 * reads only), a sequence allocated by an atomic counter together with a reader watermark of the
 * lowest in-flight sequence across writers, or MongoDB change streams with resume tokens. Until
 * then the service runs as one writer replica.
 */
public class ChangeFeed implements RecordChangeLog {

    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
    private static final int MAX_CONFLICT_RETRIES = 5;

    private final ChangeLogStore store;
    private final RecordRepository records;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** Log entries whose record could not be marked yet; guarded by {@link #lock}. */
    private final List<Mark> unfinishedMarks = new CopyOnWriteArrayList<>();
    /** Highest sequence allocated and written; guarded by {@link #lock}. */
    private long lastSequence;
    /** Highest sequence readers may see: every entry up to it is committed. */
    private volatile long watermark;
    private volatile boolean initialised;

    public ChangeFeed(ChangeLogStore store, RecordRepository records) {
        this.store = store;
        this.records = records;
    }

    @Override
    public long append(RecordChange change) {
        long sequence;
        lock.lock();
        try {
            initialise();
            retryUnfinishedMarks();
            Optional<Long> existing = store.sequenceOf(change.eventId());
            sequence = existing.isPresent() ? existing.get() : insertNext(change);
            try {
                records.markPublished(change.record().id(), change.eventId(), sequence);
            } catch (RuntimeException e) {
                // The entry is in the log but its record is not marked: hold the watermark below it
                // (a snapshot must not miss the record) until the mark succeeds.
                unfinishedMarks.add(new Mark(change.record().id(), change.eventId(), sequence));
                advanceWatermark();
                throw e;
            }
            advanceWatermark();
        } finally {
            lock.unlock();
        }
        listeners.forEach(ChangeFeed::notifySafely);
        return sequence;
    }

    /** Committed entries after {@code after}, in order, at most {@code limit}. */
    public List<ChangeEvent> readAfter(long after, int limit) {
        return store.readAfter(after, watermark(), limit);
    }

    /** Every entry up to this sequence is committed and visible. */
    public long watermark() {
        if (!initialised || !unfinishedMarks.isEmpty()) {
            lock.lock();
            try {
                initialise();
                retryUnfinishedMarks();
            } finally {
                lock.unlock();
            }
        }
        return watermark;
    }

    /**
     * A consistent snapshot: every record as it was at the returned sequence (its last change at or
     * before it), if in force today, so that watching from that sequence misses nothing and repeats
     * nothing. A record whose stored version is already past the sequence (a change published later, or
     * still pending) is taken from the log instead: the log up to the sequence never changes.
     *
     * @return the sequence the snapshot reflects
     */
    public long snapshot(LocalDate today, Consumer<ListRecord> action) {
        long at = watermark();
        records.forEachStored(stored -> {
            ListRecord asAt = stored.feedSequence() != null && stored.feedSequence() <= at
                    ? stored.record()
                    : store.latestFor(stored.record().id(), at).map(ChangeEvent::record).orElse(null);
            if (asAt != null && asAt.isInForceOn(today)) {
                action.accept(asAt);
            }
        });
        return at;
    }

    /**
     * The lowest sequence a watcher can resume after: below the compaction horizon the log keeps only
     * each record's latest entry, so a watcher further behind must take a new snapshot.
     */
    public long oldestResumableSequence() {
        return Math.max(0, store.horizon() - 1);
    }

    /**
     * Log compaction: entries that occurred before {@code cutoff} are kept only as each record's latest
     * (Snapshot still finds every record as it was at any sequence at or above the horizon); watchers
     * behind the horizon are told to re-snapshot. The horizon is raised before anything is deleted.
     *
     * @return how many entries were deleted
     */
    public int compact(java.time.Instant cutoff) {
        long upTo = watermark();
        long candidate = store.firstSequenceAtOrAfter(cutoff).orElse(upTo + 1);
        long newHorizon = Math.min(candidate, upTo + 1);
        if (newHorizon <= store.horizon()) {
            return 0;
        }
        store.raiseHorizon(newHorizon);
        int deleted = store.compactBelow(newHorizon);
        if (deleted > 0) {
            log.info("change log compacted below sequence {}: {} superseded entries deleted", newHorizon, deleted);
        }
        return deleted;
    }

    /** The lowest sequence from which the log is complete: the compaction horizon, or the lowest entry (0 when empty). */
    public long oldestRetainedSequence() {
        long h = store.horizon();
        return h > 0 ? h : store.minSequence();
    }

    /** Runs {@code listener} after every append (in-process wake-up for watchers); close to stop. */
    public AutoCloseable subscribe(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Under the lock. */
    private void retryUnfinishedMarks() {
        unfinishedMarks.removeIf(mark -> {
            try {
                records.markPublished(mark.recordId(), mark.eventId(), mark.sequence());
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        });
        advanceWatermark();
    }

    /** Under the lock: readers may see everything written, up to the first unfinished mark. */
    private void advanceWatermark() {
        long held = unfinishedMarks.stream().mapToLong(Mark::sequence).min().orElse(Long.MAX_VALUE) - 1;
        watermark = Math.min(lastSequence, held);
    }

    private record Mark(String recordId, String eventId, long sequence) {
    }

    /** Under the lock: the next sequence, written before anyone may read it. */
    private long insertNext(RecordChange change) {
        for (int attempt = 1; ; attempt++) {
            long next = lastSequence + 1;
            try {
                store.insert(new ChangeEvent(next, change.eventId(), change.type(), change.record(),
                        change.occurredAt()));
                lastSequence = next;
                return next;
            } catch (SequenceConflictException conflict) {
                Optional<Long> appended = store.sequenceOf(change.eventId());
                lastSequence = Math.max(lastSequence, store.maxSequence());
                if (appended.isPresent()) {
                    return appended.get();
                }
                log.warn("change log sequence {} was taken by another writer; is a second replica writing?", next);
                if (attempt >= MAX_CONFLICT_RETRIES) {
                    throw conflict;
                }
            }
        }
    }

    /** Under the lock, once: the last sequence, and the marks a crash left unfinished. */
    private void initialise() {
        if (initialised) {
            return;
        }
        lastSequence = store.maxSequence();
        for (ListRecord pending : records.findPendingPublication()) {
            String eventId = pending.latestEvent().eventId();
            store.sequenceOf(eventId).ifPresent(sequence -> records.markPublished(pending.id(), eventId, sequence));
        }
        watermark = lastSequence;
        initialised = true;
    }

    private static void notifySafely(Runnable listener) {
        try {
            listener.run();
        } catch (RuntimeException e) {
            log.warn("change feed listener failed: {}", e.getClass().getName());
        }
    }
}
