package credit.platform.lists.record.domain;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Where records are kept (port; the Mongo adapter implements it). */
public interface RecordRepository {

    Optional<ListRecord> findById(String id);

    List<ListRecord> findBySubject(String subjectId);

    /**
     * Stores a new record, its latest event marked as not yet in the change feed. One atomic
     * single-document insert.
     *
     * @return false, writing nothing, when a record with this id exists (an idempotent retry)
     */
    boolean insert(ListRecord record);

    /** Marks the record's event as appended to the change feed at {@code sequence}. */
    void markPublished(String recordId, String eventId, long sequence);

    /** Records whose latest event is not yet marked as in the change feed. */
    List<ListRecord> findPendingPublication();

    /** Every record whose latest event is in the feed at or before {@code sequence}. */
    void forEachPublishedUpTo(long sequence, Consumer<ListRecord> action);
}
