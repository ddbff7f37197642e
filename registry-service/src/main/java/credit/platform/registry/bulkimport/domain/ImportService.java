package credit.platform.registry.bulkimport.domain;

import credit.platform.identifiers.Identifier;
import credit.platform.registry.permit.domain.PermitService;
import credit.platform.registry.permit.domain.PermitStatus;
import credit.platform.registry.relationship.domain.NewRelationship;
import credit.platform.registry.relationship.domain.RelationshipConflictException;
import credit.platform.registry.relationship.domain.RelationshipService;
import credit.platform.registry.relationship.domain.RelationshipType;
import credit.platform.registry.subject.domain.IdentifierTakenException;
import credit.platform.registry.subject.domain.InvalidInputException;
import credit.platform.registry.subject.domain.Subject;
import credit.platform.registry.subject.domain.SubjectDraft;
import credit.platform.registry.subject.domain.SubjectDraft.IdentifierDraft;
import credit.platform.registry.subject.domain.SubjectService;
import credit.platform.registry.subject.domain.Violation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Streams an import: one line at a time (constant memory for any file size), each record
 * registered-or-found by its identifiers (so importing the same file twice creates nothing new),
 * each rejected line in the error report, the counters saved every {@link #PROGRESS_EVERY} lines
 * so progress is visible while it runs, a summary at the end.
 */
public class ImportService {

    public static final int PROGRESS_EVERY = 500;

    private final ImportRepository imports;
    private final SubjectService subjects;
    private final RelationshipService relationships;
    private final PermitService permits;
    private final Clock clock;

    public ImportService(ImportRepository imports, SubjectService subjects, RelationshipService relationships,
            PermitService permits, Clock clock) {
        this.imports = imports;
        this.subjects = subjects;
        this.relationships = relationships;
        this.permits = permits;
        this.clock = clock;
    }

    public Optional<ImportJob> find(String id) {
        return imports.find(id);
    }

    public List<ImportError> errors(String id, long afterLine, int limit) {
        return imports.errors(id, afterLine, limit);
    }

    /** Registers a run before reading its content; false when the id is already used. */
    public boolean start(String id, String format) {
        return imports.start(new ImportJob(id, format, ImportJob.RUNNING, 0, 0, 0, 0, clock.instant(), null));
    }

    /** Runs a started import to the end and returns its summary. */
    public ImportJob run(String id, Iterator<ImportLine.Numbered> lines, String actor) {
        ImportJob job = imports.find(id).orElseThrow();
        long n = 0;
        long created = 0;
        long existing = 0;
        long rejected = 0;
        try {
            while (lines.hasNext()) {
                ImportLine.Numbered numbered = lines.next();
                ImportLine line = numbered.line();
                long at = numbered.number();
                n++;
                try {
                    if (apply(line, actor)) {
                        created++;
                    } else {
                        existing++;
                    }
                } catch (InvalidInputException e) {
                    rejected++;
                    for (Violation v : e.violations()) {
                        imports.addError(id, new ImportError(at, v.field(), v.rule(), v.message()));
                    }
                } catch (IdentifierTakenException e) {
                    rejected++;
                    imports.addError(id, new ImportError(at, "identifiers", "identifier-taken", e.getMessage()));
                } catch (RelationshipConflictException e) {
                    rejected++;
                    imports.addError(id, new ImportError(at, "validFrom", "overlap", e.getMessage()));
                }
                if (n % PROGRESS_EVERY == 0) {
                    imports.save(new ImportJob(id, job.format(), ImportJob.RUNNING, n, created, existing, rejected,
                            job.startedAt(), null));
                }
            }
        } catch (RuntimeException e) {
            imports.save(new ImportJob(id, job.format(), ImportJob.FAILED, n, created, existing, rejected,
                    job.startedAt(), clock.instant()));
            throw e;
        }
        ImportJob done = new ImportJob(id, job.format(), ImportJob.COMPLETED, n, created, existing, rejected,
                job.startedAt(), clock.instant());
        imports.save(done);
        return done;
    }

    /** Applies one line; true when it created something, false when it already existed. */
    boolean apply(ImportLine line, String actor) {
        LocalDate today = LocalDate.now(clock.withZone(RelationshipService.ZONE));
        return switch (line) {
            case ImportLine.Unreadable u -> throw new InvalidInputException("line", u.rule(), u.message());
            case ImportLine.SubjectLine s -> subjects.registerOrGet(s.subject().validate(today, false), actor).created();
            case ImportLine.RelationshipLine r -> {
                List<Violation> violations = new ArrayList<>();
                RelationshipType type = SubjectDraft.enumValue(RelationshipType.class, r.type(), "type", violations);
                Subject from = holder(r.from(), "from", today, violations);
                Subject to = holder(r.to(), "to", today, violations);
                LocalDate validFrom = day(r.validFrom(), "validFrom", true, violations);
                LocalDate validTo = day(r.validTo(), "validTo", false, violations);
                if (!violations.isEmpty()) {
                    throw new InvalidInputException(violations);
                }
                yield relationships.add(new NewRelationship(type, from.id(), to.id(), validFrom, validTo,
                        r.shareBasisPoints())).created();
            }
            case ImportLine.PermitLine p -> {
                List<Violation> violations = new ArrayList<>();
                Subject holder = holder(p.holder(), "holder", today, violations);
                LocalDate validFrom = day(p.validFrom(), "validFrom", true, violations);
                LocalDate validTo = day(p.validTo(), "validTo", false, violations);
                PermitStatus status = p.status() == null || p.status().isBlank() ? PermitStatus.VALID
                        : SubjectDraft.enumValue(PermitStatus.class, p.status(), "status", violations);
                if (!violations.isEmpty()) {
                    throw new InvalidInputException(violations);
                }
                yield permits.add(holder.id(), new PermitService.NewPermit(p.type(), p.issuer(), p.number(), validFrom,
                        validTo, status)).created();
            }
        };
    }

    private Subject holder(IdentifierDraft draft, String field, LocalDate today, List<Violation> violations) {
        Identifier identifier = SubjectDraft.identifier(draft, field, today, false, violations);
        if (identifier == null) {
            return null;
        }
        Optional<Subject> subject = subjects.resolveAll(List.of(identifier)).getFirst();
        if (subject.isEmpty()) {
            violations.add(new Violation(field, "subject-exists", "no subject holds this identifier (import it first)"));
            return null;
        }
        return subject.get();
    }

    private static LocalDate day(String raw, String field, boolean required, List<Violation> violations) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                violations.add(new Violation(field, "required", field + " is required"));
            }
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "date", raw.strip() + " is not a date (YYYY-MM-DD)"));
            return null;
        }
    }
}
