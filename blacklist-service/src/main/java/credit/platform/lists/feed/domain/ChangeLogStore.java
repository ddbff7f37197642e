package credit.platform.lists.feed.domain;

import credit.platform.lists.record.domain.RecordChange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The append-only change log (port; the platform's change-feed component implements it): dense
 * sequences, gap-free for readers with any number of writer replicas.
 */
public interface ChangeLogStore {

    /**
     * Appends the change once, in one insert: a change whose event is already in the log is not
     * appended again. Safe from any number of threads and replicas at once.
     *
     * @return the change's sequence
     */
    long append(RecordChange change);

    /** The highest committed sequence, 0 when the log is empty; every entry from the horizon up to it is present. */
    long head();

    /** Entries after {@code after}, in sequence order, at most {@code limit}. */
    List<ChangeEvent> readAfter(long after, int limit);

    /** The record's last entry with {@code sequence <= upTo}: the record as it was at that sequence. */
    Optional<ChangeEvent> latestFor(String recordId, long upTo);

    /** The lowest position a watcher can resume after. */
    long oldestResumable();

    /** The lowest sequence from which the log is complete. */
    long oldestRetained();

    /** Compacts entries that occurred before {@code cutoff} (each record's latest kept); how many were deleted. */
    int compact(Instant cutoff);
}
