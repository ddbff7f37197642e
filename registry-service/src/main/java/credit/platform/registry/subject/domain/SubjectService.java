package credit.platform.registry.subject.domain;

import credit.platform.identifiers.Identifier;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Use cases on subjects. Plain Java: the adapters translate to and from REST, gRPC and Mongo.
 * Every change is a compare-and-set on the subject's version that carries its change-feed event in
 * the same write, then kept in its history (idempotent on retry).
 */
public class SubjectService {

    private final SubjectRepository subjects;
    private final Clock clock;

    public SubjectService(SubjectRepository subjects, Clock clock) {
        this.subjects = subjects;
        this.clock = clock;
    }

    /** Registers a subject; fails with {@link IdentifierTakenException} if an identifier is held. */
    public Subject register(NewSubject request, String actor) {
        return switch (subjects.insert(newSubject(request))) {
            case SubjectRepository.Registration.Created created -> announce(created.subject(), "CREATED", actor);
            case SubjectRepository.Registration.IdentifierTaken taken ->
                    throw new IdentifierTakenException(taken.identifier(), taken.holder());
        };
    }

    /**
     * Returns the subject holding the request's first identifier, registering it first when nobody
     * does. Idempotent: the lists service and the bulk import call it.
     */
    public RegisterOutcome registerOrGet(NewSubject request, String actor) {
        Optional<Subject> existing = subjects.findByIdentifier(request.identifiers().getFirst());
        if (existing.isPresent()) {
            return new RegisterOutcome(existing.get(), false);
        }
        return switch (subjects.insert(newSubject(request))) {
            case SubjectRepository.Registration.Created created ->
                    new RegisterOutcome(announce(created.subject(), "CREATED", actor), true);
            case SubjectRepository.Registration.IdentifierTaken taken -> {
                if (!taken.identifier().equals(request.identifiers().getFirst())) {
                    throw new IdentifierTakenException(taken.identifier(), taken.holder());
                }
                yield new RegisterOutcome(taken.holder(), false);
            }
        };
    }

    public Subject get(String id) {
        return subjects.findById(id).orElseThrow(() -> new SubjectNotFoundException("with this id"));
    }

    /**
     * The public company search: a legal entity by its exact USCC, or legal entities whose name contains
     * {@code query} (at most {@code limit}). Persons and government bodies are never found here.
     */
    public List<Subject> publicCompanies(String query, int limit) {
        String q = query.strip();
        String code = q.toUpperCase(java.util.Locale.ROOT);
        if (code.length() == 18 && code.chars().allMatch(Character::isLetterOrDigit)) {
            return subjects.findByIdentifier(new Identifier(credit.platform.identifiers.IdentifierScheme.USCC, code, "", false))
                    .filter(s -> s.kind() == SubjectKind.LEGAL_ENTITY).map(List::of).orElse(List.of());
        }
        return subjects.findLegalEntitiesNamed(q, limit);
    }

    public Optional<Subject> find(String id) {
        return subjects.findById(id);
    }

    public Subject resolve(Identifier identifier) {
        return subjects.findByIdentifier(identifier)
                .orElseThrow(() -> new SubjectNotFoundException("holds this identifier"));
    }

    /** One result per identifier, in order; empty where nobody holds it. */
    public List<Optional<Subject>> resolveAll(List<Identifier> identifiers) {
        return identifiers.stream().map(subjects::findByIdentifier).toList();
    }

    /**
     * Binds another identifier (e.g. a passport to a resident ID) to the subject. Afterwards every
     * identifier of the subject resolves to it.
     */
    public Subject addIdentifier(String id, long expectedVersion, Identifier identifier, String actor) {
        Subject current = get(id);
        if (current.version() != expectedVersion) {
            throw new VersionConflictException(expectedVersion, current.version());
        }
        if (current.identifiers().contains(identifier)) {
            return current;
        }
        if (current.kind() == SubjectKind.PERSON && current.birthDate() != null) {
            credit.platform.identifiers.Identifiers.birthDate(identifier)
                    .filter(carried -> !carried.equals(current.birthDate()))
                    .ifPresent(carried -> {
                        throw new InvalidInputException("identifier.value", "matches-birth-date", "this "
                                + identifier.scheme() + " carries the birth date " + carried
                                + ", the subject's is " + current.birthDate());
                    });
        }
        Optional<String> holder = subjects.claim(identifier, id);
        if (holder.isPresent()) {
            throw new IdentifierTakenException(identifier, get(holder.get()));
        }
        try {
            return save(current.withIdentifier(identifier), expectedVersion, "IDENTIFIER_ADDED", actor);
        } catch (RuntimeException e) {
            subjects.release(identifier, id);
            throw e;
        }
    }

    /**
     * Unbinds an identifier from the subject (a passport bound by mistake, a document withdrawn): from
     * then on it no longer resolves to the subject and another subject may claim it. The subject keeps
     * at least one identifier. Kept in the history and announced on the change feed, so the sanctions
     * index stops matching it within its change-to-DENY bound.
     */
    public Subject removeIdentifier(String id, long expectedVersion, Identifier identifier, String actor) {
        Subject current = get(id);
        if (current.version() != expectedVersion) {
            throw new VersionConflictException(expectedVersion, current.version());
        }
        Identifier held = current.identifiers().stream().filter(i -> i.key().equals(identifier.key())).findFirst()
                .orElseThrow(() -> new InvalidInputException("identifier", "held-by-subject",
                        "the subject does not hold this identifier"));
        if (current.identifiers().size() == 1) {
            throw new InvalidInputException("identifier", "last-identifier",
                    "a subject keeps at least one identifier; bind another before removing this one");
        }
        Subject saved = save(current.withoutIdentifier(held), expectedVersion, "IDENTIFIER_REMOVED", actor);
        subjects.release(held, id);
        return saved;
    }

    /** Deregistration (entities) or death (persons), with its date; or back to active. */
    public Subject changeStatus(String id, long expectedVersion, SubjectStatus status, LocalDate date, String actor) {
        Subject current = get(id);
        if (status == SubjectStatus.DECEASED && current.kind() != SubjectKind.PERSON) {
            throw new InvalidInputException("status", "status-for-kind", "only a person can be DECEASED");
        }
        if (status == SubjectStatus.DEREGISTERED && current.kind() == SubjectKind.PERSON) {
            throw new InvalidInputException("status", "status-for-kind", "a person cannot be DEREGISTERED");
        }
        if (status != SubjectStatus.ACTIVE && date == null) {
            throw new InvalidInputException("date", "required", "the date of the status change is required");
        }
        if (date != null && date.isAfter(credit.platform.identifiers.ChinaTime.today(clock))) {
            throw new InvalidInputException("date", "not-in-future", "the date " + date + " is in the future");
        }
        return save(current.withStatus(status, status == SubjectStatus.ACTIVE ? null : date), expectedVersion,
                "STATUS_CHANGED", actor);
    }

    /** A reviewer has checked an overridden identifier: the flag is cleared (kept in history). */
    public Subject markReviewed(String id, long expectedVersion, String actor) {
        return save(get(id).reviewed(), expectedVersion, "REVIEWED", actor);
    }

    public List<SubjectHistoryEntry> history(String id) {
        get(id);
        return subjects.history(id);
    }

    public List<SubjectRepository.SubjectChange> changesAfter(long sequence, int limit) {
        return subjects.changesAfter(sequence, limit);
    }

    private Subject save(Subject changed, long expectedVersion, String change, String actor) {
        return switch (subjects.replace(changed, expectedVersion, clock.instant())) {
            case SubjectRepository.Update.Saved saved -> announce(saved.subject(), change, actor);
            case SubjectRepository.Update.Conflict conflict ->
                    throw new VersionConflictException(expectedVersion, conflict.currentVersion());
            case SubjectRepository.Update.Missing missing -> throw new SubjectNotFoundException("with this id");
        };
    }

    private Subject announce(Subject subject, String change, String actor) {
        subjects.appendHistory(subject.id(), new SubjectHistoryEntry(subject.version(), change,
                actor == null ? "" : actor, clock.instant(), subject));
        return subject;
    }

    private Subject newSubject(NewSubject request) {
        return new Subject(UUID.randomUUID().toString(), request.kind(), request.identifiers(), request.name(),
                request.latinName() == null ? "" : request.latinName(), SubjectStatus.ACTIVE, null,
                request.registrationRegion() == null ? "" : request.registrationRegion(), request.needsReview(), 0,
                clock.instant(), request.effectiveBirthDate());
    }

    public record RegisterOutcome(Subject subject, boolean created) {
    }
}
