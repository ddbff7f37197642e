package credit.platform.lists.record.domain;

import credit.platform.identifiers.IdentifierScheme;
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

    /**
     * Replaces a record with its next version, its latest event marked as not yet in the change feed.
     * One atomic single-document write, only if the stored record is still at {@code expectedVersion}
     * and its previous event is already in the feed.
     *
     * @return false, writing nothing, when the stored record is at another version or has a pending event
     */
    boolean replace(ListRecord next, long expectedVersion);

    /** Records still in force by their stored status whose last effective day is before {@code today}. */
    List<ListRecord> findEndedBefore(java.time.LocalDate today);

    /** One page of a list's records, newest first. */
    List<ListRecord> findByList(String listId, int page, int size);

    long countByList(String listId);

    /** One page of the records matching {@code filter}, newest first. */
    List<ListRecord> findMatching(RecordFilter filter, int page, int size);

    long countMatching(RecordFilter filter);

    /** Records naming a subject by this identifier. */
    List<ListRecord> findByIdentifier(IdentifierScheme scheme, String value);

    /** Every record with the sequence its latest event is in the feed at ({@code null} while pending). */
    void forEachStored(Consumer<StoredRecord> action);

    /** A record as stored, with where its latest event is in the change feed. */
    record StoredRecord(ListRecord record, Long feedSequence) {
    }
}
