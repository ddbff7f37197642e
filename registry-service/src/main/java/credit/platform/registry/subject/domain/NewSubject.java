package credit.platform.registry.subject.domain;

import credit.platform.identifiers.Identifier;
import credit.platform.identifiers.Identifiers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated request to register a subject.
 *
 * @param birthDate a person's birth date as given (needed when no identifier carries one, e.g. a
 *                  passport); null when not given
 */
public record NewSubject(SubjectKind kind, List<Identifier> identifiers, String name, String latinName,
        String registrationRegion, LocalDate birthDate) {

    public NewSubject {
        identifiers = List.copyOf(identifiers);
    }

    public NewSubject(SubjectKind kind, List<Identifier> identifiers, String name, String latinName,
            String registrationRegion) {
        this(kind, identifiers, name, latinName, registrationRegion, null);
    }

    /** True when an identifier was accepted on a registrar's override (the subject is flagged). */
    public boolean needsReview() {
        return identifiers.stream().anyMatch(Identifier::checkCharacterOverridden);
    }

    /** The person's birth date: the one an identifier carries, else the one given; null for entities or when unknown. */
    public LocalDate effectiveBirthDate() {
        if (kind != SubjectKind.PERSON) {
            return null;
        }
        return identifiers.stream().map(Identifiers::birthDate).flatMap(java.util.Optional::stream).findFirst()
                .orElse(birthDate);
    }

    /**
     * Why the birth date does not fit (given for an entity, in the future, or contradicting an identifier
     * that carries one), as violations; empty when it fits.
     */
    public List<Violation> birthDateProblems(LocalDate today) {
        List<Violation> problems = new ArrayList<>();
        if (birthDate == null) {
            return problems;
        }
        if (kind != SubjectKind.PERSON) {
            problems.add(new Violation("birthDate", "only-for-persons", "only a person has a birth date"));
            return problems;
        }
        if (birthDate.isAfter(today)) {
            problems.add(new Violation("birthDate", "not-in-future", "the birth date " + birthDate + " is in the future"));
        }
        for (Identifier id : identifiers) {
            Identifiers.birthDate(id).filter(carried -> !carried.equals(birthDate)).ifPresent(carried -> problems.add(
                    new Violation("birthDate", "matches-identifier",
                            "the birth date " + birthDate + " contradicts the " + id.scheme() + " given")));
        }
        return problems;
    }
}
