package credit.platform.registry.permit.domain;

import credit.platform.registry.relationship.domain.RelationshipService;
import credit.platform.registry.subject.domain.InvalidInputException;
import credit.platform.registry.subject.domain.SubjectService;
import credit.platform.registry.subject.domain.Violation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Permits and licences of subjects; expired ones are detected from their last valid day. */
public class PermitService {

    private final PermitRepository permits;
    private final SubjectService subjects;
    private final Clock clock;

    public PermitService(PermitRepository permits, SubjectService subjects, Clock clock) {
        this.permits = permits;
        this.subjects = subjects;
        this.clock = clock;
    }

    /** A permit is identified by its issuer, type and number: recording it twice is harmless. */
    public static String idOf(String subjectId, String type, String issuer, String number) {
        return UUID.nameUUIDFromBytes((subjectId + "|" + type + "|" + issuer + "|" + number)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    public record NewPermit(String type, String issuer, String number, LocalDate validFrom, LocalDate validTo,
            PermitStatus status) {
    }

    public record Outcome(Permit permit, boolean created) {
    }

    public Outcome add(String subjectId, NewPermit request) {
        subjects.get(subjectId);
        List<Violation> violations = new ArrayList<>();
        required(request.type(), "type", violations);
        required(request.issuer(), "issuer", violations);
        required(request.number(), "number", violations);
        if (request.validFrom() == null) {
            violations.add(new Violation("validFrom", "required", "validFrom is required"));
        } else if (request.validTo() != null && request.validTo().isBefore(request.validFrom())) {
            violations.add(new Violation("validTo", "after-valid-from",
                    "the last day " + request.validTo() + " is before the first day " + request.validFrom()));
        }
        if (request.status() == PermitStatus.EXPIRED) {
            violations.add(new Violation("status", "derived",
                    "EXPIRED is not recorded; it follows from validTo"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        String type = request.type().strip();
        String issuer = request.issuer().strip();
        String number = request.number().strip();
        Permit permit = new Permit(idOf(subjectId, type, issuer, number), subjectId, type, issuer, number,
                request.validFrom(), request.validTo(), request.status() == null ? PermitStatus.VALID : request.status(),
                clock.instant());
        // The insert carries its change-feed announcement in the same write.
        boolean created = permits.insert(permit);
        Permit stored = created ? permit : permits.findById(permit.id()).orElseThrow();
        return new Outcome(stored, created);
    }

    /** The subject's permits, with their status today; only expired ones when asked. */
    public List<Permit> list(String subjectId, boolean expiredOnly) {
        subjects.get(subjectId);
        LocalDate today = today();
        return permits.ofSubject(subjectId).stream()
                .filter(p -> !expiredOnly || p.statusOn(today) == PermitStatus.EXPIRED)
                .sorted(Comparator.comparing(Permit::validFrom).thenComparing(Permit::id))
                .toList();
    }

    /** Every permit of the subject on record, whatever its status. */
    public List<Permit> all(String subjectId) {
        return list(subjectId, false);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(RelationshipService.ZONE));
    }

    private static void required(String value, String field, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "required", field + " is required"));
        } else if (value.strip().length() > 200) {
            violations.add(new Violation(field, "length", field + " has more than 200 characters"));
        }
    }
}
