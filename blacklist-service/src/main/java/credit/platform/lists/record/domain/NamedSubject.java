package credit.platform.lists.record.domain;

import credit.platform.lists.definition.domain.SubjectKind;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A subject as an authority names it in a new record: kind, one identifier (normalised by the
 * identifier kernel), name, and for a person named by a document that carries no birth date (a
 * passport) the birth date, if the authority gives it.
 */
public record NamedSubject(SubjectKind kind, SubjectIdentifier identifier, String name, LocalDate birthDate) {

    public NamedSubject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(name, "name");
    }

    public NamedSubject(SubjectKind kind, SubjectIdentifier identifier, String name) {
        this(kind, identifier, name, null);
    }
}
