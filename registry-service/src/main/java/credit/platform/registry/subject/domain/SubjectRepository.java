package credit.platform.registry.subject.domain;

import credit.platform.identifiers.Identifier;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where subjects, their history and the change feed are kept (port; the Mongo adapter implements it). */
public interface SubjectRepository {

    Optional<Subject> findById(String id);

    Optional<Subject> findByIdentifier(Identifier identifier);

    /**
     * Stores a new subject (version 1, with its change-feed event) and claims its identifiers, or
     * reports the subject already holding one of them. Each write is a single-document operation; a
     * retry after a crash completes the claim.
     */
    Registration insert(Subject subject);

    /** Claims an identifier for a subject; returns the id of another subject already holding it. */
    Optional<String> claim(Identifier identifier, String subjectId);

    /** Gives up a claim taken by {@link #claim} (only if still held by that subject). */
    void release(Identifier identifier, String subjectId);

    /**
     * Replaces the subject if it is still at {@code expectedVersion}, storing it at
     * {@code expectedVersion + 1} together with its change-feed event; one atomic single-document
     * compare-and-set.
     */
    Update replace(Subject changed, long expectedVersion, Instant at);

    /** Idempotent (keyed by subject id and version). */
    void appendHistory(String subjectId, SubjectHistoryEntry entry);

    List<SubjectHistoryEntry> history(String subjectId);

    /**
     * Change-feed entries with a sequence above {@code afterSequence}, in order. Every write of a
     * subject, relationship or permit carries its entries in the same single-document write.
     */
    List<SubjectChange> changesAfter(long afterSequence, int limit);

    /** Up to {@code limit} legal entities whose name contains {@code fragment}, by name. */
    List<Subject> findLegalEntitiesNamed(String fragment, int limit);

    /** Number of subjects stored. */
    long count();

    /** What a change-feed entry is about. */
    enum ChangeKind {
        SUBJECT, PERMIT, RELATIONSHIP
    }

    /** @param permitId the permit that changed, or {@code null} when the change is not about a permit */
    record SubjectChange(long sequence, String subjectId, Instant occurredAt, ChangeKind kind, String permitId) {

        public SubjectChange(long sequence, String subjectId, Instant occurredAt) {
            this(sequence, subjectId, occurredAt, ChangeKind.SUBJECT, null);
        }
    }

    sealed interface Registration {
        record Created(Subject subject) implements Registration {
        }

        record IdentifierTaken(Identifier identifier, Subject holder) implements Registration {
        }
    }

    sealed interface Update {
        record Saved(Subject subject) implements Update {
        }

        record Conflict(long currentVersion) implements Update {
        }

        record Missing() implements Update {
        }
    }
}
