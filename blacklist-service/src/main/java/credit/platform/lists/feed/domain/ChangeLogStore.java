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
}
