package credit.platform.registry.subject.domain;

import java.util.List;

/** A validated request to register a subject. */
public record NewSubject(SubjectKind kind, List<Identifier> identifiers, String name, String latinName,
        String registrationRegion) {

    public NewSubject {
        identifiers = List.copyOf(identifiers);
    }
}
