package credit.platform.registry.permit.domain;

import java.util.List;
import java.util.Optional;

/** Where permits are kept (port). */
public interface PermitRepository {

    /** Stores it unless one with the same id exists; returns false then (idempotent). Announced on the change feed. */
    boolean insert(Permit permit);

    Optional<Permit> findById(String id);

    List<Permit> ofSubject(String subjectId);

    /** Sets the recorded status (one single-document update, announced); false when no such permit. */
    boolean setStatus(String id, PermitStatus status);
}
