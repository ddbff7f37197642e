package credit.platform.lists.record.domain;

import credit.platform.lists.definition.domain.SubjectKind;
import java.util.Objects;

/** A subject as an authority names it in a new record: kind, one identifier, name. */
public record NamedSubject(SubjectKind kind, SubjectIdentifier identifier, String name) {

    public NamedSubject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(name, "name");
    }
}
