package credit.platform.registry.subject.domain;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Use cases on subjects. Plain Java: the adapters translate to and from REST, gRPC and Mongo. */
public class SubjectService {

    private final SubjectRepository subjects;
    private final Clock clock;

    public SubjectService(SubjectRepository subjects, Clock clock) {
        this.subjects = subjects;
        this.clock = clock;
    }

    /** Registers a subject; fails with {@link IdentifierTakenException} if an identifier is held. */
    public Subject register(NewSubject request) {
        return switch (subjects.insert(newSubject(request))) {
            case SubjectRepository.Registration.Created created -> created.subject();
            case SubjectRepository.Registration.IdentifierTaken taken ->
                    throw new IdentifierTakenException(taken.identifier(), taken.holder());
        };
    }

    /**
     * Returns the subject holding the request's first identifier, registering it first when nobody
     * does. Idempotent: the lists service calls it for subjects named by authorities.
     */
    public RegisterOutcome registerOrGet(NewSubject request) {
        Optional<Subject> existing = subjects.findByIdentifier(request.identifiers().getFirst());
        if (existing.isPresent()) {
            return new RegisterOutcome(existing.get(), false);
        }
        return switch (subjects.insert(newSubject(request))) {
            case SubjectRepository.Registration.Created created -> new RegisterOutcome(created.subject(), true);
            case SubjectRepository.Registration.IdentifierTaken taken -> new RegisterOutcome(taken.holder(), false);
        };
    }

    public Subject get(String id) {
        return subjects.findById(id).orElseThrow(() -> new SubjectNotFoundException("with this id"));
    }

    public Subject resolve(Identifier identifier) {
        return subjects.findByIdentifier(identifier)
                .orElseThrow(() -> new SubjectNotFoundException("holds this identifier"));
    }

    private Subject newSubject(NewSubject request) {
        return new Subject(UUID.randomUUID().toString(), request.kind(), request.identifiers(), request.name(),
                request.latinName() == null ? "" : request.latinName(), SubjectStatus.ACTIVE,
                request.registrationRegion() == null ? "" : request.registrationRegion(), false, 0,
                clock.instant());
    }

    public record RegisterOutcome(Subject subject, boolean created) {
    }
}
