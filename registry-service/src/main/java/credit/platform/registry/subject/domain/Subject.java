package credit.platform.registry.subject.domain;

import java.time.Instant;
import java.util.List;

/**
 * A person, legal entity or government body, with every identifier it holds.
 *
 * @param version optimistic-locking version; 0 before the first save
 */
public record Subject(
        String id,
        SubjectKind kind,
        List<Identifier> identifiers,
        String name,
        String latinName,
        SubjectStatus status,
        String registrationRegion,
        boolean flaggedForReview,
        long version,
        Instant createdAt) {

    public Subject {
        identifiers = List.copyOf(identifiers);
    }
}
