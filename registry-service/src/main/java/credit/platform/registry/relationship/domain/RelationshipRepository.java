package credit.platform.registry.relationship.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Where relationships are kept (port). */
public interface RelationshipRepository {

    /**
     * Stores it unless one with the same id exists; returns false then (idempotent). The write
     * announces both parties on the change feed.
     */
    boolean insert(Relationship relationship);

    Optional<Relationship> findById(String id);

    /** Relationships the subject holds. */
    List<Relationship> from(String subjectId);

    /** Relationships held in the subject. */
    List<Relationship> to(String subjectId);

    /** Sets the last day if the relationship is still open; one compare-and-set that announces both parties. */
    boolean end(String id, LocalDate validTo);
}
