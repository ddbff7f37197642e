package credit.platform.registry.subject.domain;

import java.util.Optional;

/** Where subjects are kept (port; the Mongo adapter implements it). */
public interface SubjectRepository {

    Optional<Subject> findById(String id);

    Optional<Subject> findByIdentifier(Identifier identifier);

    /**
     * Stores a new subject and claims its identifiers, or reports the subject already holding one
     * of them. Each write is a single-document operation; a retry after a crash completes the claim.
     */
    Registration insert(Subject subject);

    sealed interface Registration {
        record Created(Subject subject) implements Registration {
        }

        record IdentifierTaken(Identifier identifier, Subject holder) implements Registration {
        }
    }
}
