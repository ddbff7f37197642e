package credit.platform.lists.feed.domain;

import credit.platform.lists.record.domain.ListRecord;
import credit.platform.lists.record.domain.RecordChange;
import credit.platform.lists.record.domain.RecordChangeLog;
import credit.platform.lists.record.domain.RecordRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * The ordered change feed of the lists service: record changes in the sequenced log, Snapshot as at a
 * sequence, compaction (docs/architecture.md, the change-feed decision record).
 *
 * <p><b>Why readers never see a gap, with any number of replicas.</b> The log is the platform's
 * change-feed component: a sequence is taken by inserting it (the unique sequence decides between
 * writers), and n is only inserted by a writer that has seen n-1 committed, so the committed log is
 * always a contiguous prefix. Every replica writes records and appends; no replica is special.
 *
 * <p><b>Crash safety without transactions.</b> Each step is one atomic single-document write: the
 * record with its event pending (the outbox in the record's own document), then the log entry (unique
 * on event id), then the record's "published at" mark. A re-append of an event already in the log
 * returns its sequence and only finishes the mark; records left pending by a crash are appended by
 * {@code RecordService.publishPending()} at start-up and periodically, on every replica.
 */
public class ChangeFeed implements RecordChangeLog {

    private final ChangeLogStore store;
    private final RecordRepository records;

    public ChangeFeed(ChangeLogStore store, RecordRepository records) {
        this.store = store;
        this.records = records;
    }

    @Override
    public long append(RecordChange change) {
        long sequence = store.append(change);
        records.markPublished(change.record().id(), change.eventId(), sequence);
        return sequence;
    }

    /** Committed entries after {@code after}, in order, at most {@code limit}. */
    public List<ChangeEvent> readAfter(long after, int limit) {
        return store.readAfter(after, limit);
    }

    /** The highest committed sequence: every entry up to it is visible. */
    public long head() {
        return store.head();
    }

    /**
     * A consistent snapshot: every record as it was at the returned sequence (its last change at or
     * before it), if in force today, so that watching after that sequence misses nothing and repeats
     * nothing. A record whose stored version is already past the sequence (a change published later, or
     * still pending) is taken from the log instead: the log up to the sequence never changes.
     *
     * @return the sequence the snapshot reflects
     */
    public long snapshot(LocalDate today, Consumer<ListRecord> action) {
        long at = store.head();
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

    /** The lowest sequence a watcher can resume after; a watcher further behind must take a new snapshot. */
    public long oldestResumableSequence() {
        return store.oldestResumable();
    }

    /** The lowest sequence from which the log is complete. */
    public long oldestRetainedSequence() {
        return store.oldestRetained();
    }

    /**
     * Log compaction: entries that occurred before {@code cutoff} are kept only as each record's latest
     * (Snapshot still finds every record as it was at any sequence at or above the horizon); watchers
     * behind the horizon are told to re-snapshot.
     *
     * @return how many entries were deleted
     */
    public int compact(Instant cutoff) {
        return store.compact(cutoff);
    }
}
