package credit.platform.lists.feed.domain;

import java.util.List;
import java.util.Optional;

/** The append-only change log (port; the Mongo adapter implements it). */
public interface ChangeLogStore {

    /** The sequence the event was appended at, if it was. */
    Optional<Long> sequenceOf(String eventId);

    /**
     * Inserts one entry, one atomic single-document write.
     *
     * @throws SequenceConflictException when the sequence or the event id is already in the log
     */
    void insert(ChangeEvent event);

    /** The highest sequence in the log, 0 when it is empty. */
    long maxSequence();

    /** The lowest sequence still in the log, 0 when it is empty. */
    long minSequence();

    /** Entries with {@code after < sequence <= upTo}, in sequence order, at most {@code limit}. */
    List<ChangeEvent> readAfter(long after, long upTo, int limit);

    /** The record's last entry with {@code sequence <= upTo}: the record as it was at that sequence. */
    Optional<ChangeEvent> latestFor(String recordId, long upTo);

    /** The compaction horizon: below it the log keeps only each record's latest entry (0: never compacted). */
    long horizon();

    /** Raises the horizon (never lowers it); one atomic upsert. */
    void raiseHorizon(long horizon);

    /** The lowest sequence of an entry that occurred at or after {@code instant}, if any. */
    Optional<Long> firstSequenceAtOrAfter(java.time.Instant instant);

    /**
     * Deletes each entry below {@code horizon} that has a later entry for the same record below it;
     * one single-document delete each, so an interrupted run is finished by the next.
     *
     * @return how many entries were deleted
     */
    int compactBelow(long horizon);
}
