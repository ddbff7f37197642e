package credit.platform.registry.subject.domain;

import credit.platform.identifiers.Identifier;
import java.util.List;

/** A validated request to register a subject. */
public record NewSubject(SubjectKind kind, List<Identifier> identifiers, String name, String latinName,
        String registrationRegion) {

    public NewSubject {
        identifiers = List.copyOf(identifiers);
    }

    /** True when an identifier was accepted on a registrar's override (the subject is flagged). */
    public boolean needsReview() {
        return identifiers.stream().anyMatch(Identifier::checkCharacterOverridden);
    }
}
