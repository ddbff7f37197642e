package credit.platform.registry.subject.domain;

import credit.platform.identifiers.Identifier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A person, legal entity or government body, with every identifier it holds.
 *
 * @param status             active, deregistered or deceased
 * @param statusDate         the date of deregistration or death; null while active
 * @param flaggedForReview   an identifier was recorded on a registrar's override and awaits review
 * @param version            optimistic-locking version; 1 after the first save, +1 per change
 * @param birthDate          a person's birth date: from an identifier that carries one (resident ID,
 *                           residence permit, 18-digit permanent resident ID) or as registered with a
 *                           passport; null when not known (and for entities). The lists' minors rule
 *                           reads it, whatever document names the person.
 */
public record Subject(
        String id,
        SubjectKind kind,
        List<Identifier> identifiers,
        String name,
        String latinName,
        SubjectStatus status,
        LocalDate statusDate,
        String registrationRegion,
        boolean flaggedForReview,
        long version,
        Instant createdAt,
        LocalDate birthDate) {

    public Subject {
        identifiers = List.copyOf(identifiers);
    }

    public Subject(String id, SubjectKind kind, List<Identifier> identifiers, String name, String latinName,
            SubjectStatus status, LocalDate statusDate, String registrationRegion, boolean flaggedForReview,
            long version, Instant createdAt) {
        this(id, kind, identifiers, name, latinName, status, statusDate, registrationRegion, flaggedForReview, version,
                createdAt, null);
    }

    Subject withIdentifier(Identifier identifier) {
        List<Identifier> all = new ArrayList<>(identifiers);
        all.add(identifier);
        LocalDate born = birthDate != null ? birthDate
                : credit.platform.identifiers.Identifiers.birthDate(identifier).orElse(null);
        return new Subject(id, kind, all, name, latinName, status, statusDate, registrationRegion,
                flaggedForReview || identifier.checkCharacterOverridden(), version, createdAt, born);
    }

    Subject withoutIdentifier(Identifier identifier) {
        List<Identifier> rest = new ArrayList<>(identifiers);
        rest.remove(identifier);
        return new Subject(id, kind, rest, name, latinName, status, statusDate, registrationRegion, flaggedForReview,
                version, createdAt, birthDate);
    }

    Subject withStatus(SubjectStatus newStatus, LocalDate date) {
        return new Subject(id, kind, identifiers, name, latinName, newStatus, date, registrationRegion, flaggedForReview,
                version, createdAt, birthDate);
    }

    Subject reviewed() {
        return new Subject(id, kind, identifiers, name, latinName, status, statusDate, registrationRegion, false,
                version, createdAt, birthDate);
    }

    public Subject withVersion(long newVersion) {
        return new Subject(id, kind, identifiers, name, latinName, status, statusDate, registrationRegion,
                flaggedForReview, newVersion, createdAt, birthDate);
    }
}
