package credit.platform.registry.relationship.domain;

import credit.platform.registry.subject.domain.InvalidInputException;
import credit.platform.registry.subject.domain.Subject;
import credit.platform.registry.subject.domain.SubjectKind;
import credit.platform.registry.subject.domain.SubjectService;
import credit.platform.registry.subject.domain.Violation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Relationships with validity periods, queryable both ways and as of a day: "companies where
 * this person is legal representative", "legal representative of this company on day D".
 */
public class RelationshipService {

    /** Validity days are days of the Chinese calendar (as lists.proto). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final RelationshipRepository relationships;
    private final SubjectService subjects;
    private final Clock clock;

    public RelationshipService(RelationshipRepository relationships, SubjectService subjects, Clock clock) {
        this.relationships = relationships;
        this.subjects = subjects;
        this.clock = clock;
    }

    /** The same relationship (type, parties, first day) always gets the same id: recording it twice is harmless. */
    public static String idOf(RelationshipType type, String from, String to, LocalDate validFrom) {
        return UUID.nameUUIDFromBytes((type + "|" + from + "|" + to + "|" + validFrom).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    public Outcome add(NewRelationship request) {
        List<Violation> violations = new ArrayList<>();
        if (request.type() == null) {
            violations.add(new Violation("type", "required", "the relationship type is required"));
        }
        if (request.validFrom() == null) {
            violations.add(new Violation("validFrom", "required", "the first day of the relationship is required"));
        } else if (request.validTo() != null && request.validTo().isBefore(request.validFrom())) {
            violations.add(new Violation("validTo", "after-valid-from",
                    "the last day " + request.validTo() + " is before the first day " + request.validFrom()));
        }
        if (request.fromSubjectId() != null && request.fromSubjectId().equals(request.toSubjectId())) {
            violations.add(new Violation("toSubjectId", "distinct-subjects", "a subject cannot hold a role in itself"));
        }
        Subject from = request.fromSubjectId() == null ? null : subjects.find(request.fromSubjectId()).orElse(null);
        Subject to = request.toSubjectId() == null ? null : subjects.find(request.toSubjectId()).orElse(null);
        if (from == null) {
            violations.add(new Violation("fromSubjectId", "subject-exists", "no subject with this id holds the role"));
        }
        if (to == null) {
            violations.add(new Violation("toSubjectId", "subject-exists", "no subject with this id"));
        }
        if (request.type() == RelationshipType.SHAREHOLDER) {
            if (request.shareBasisPoints() < 1 || request.shareBasisPoints() > 10_000) {
                violations.add(new Violation("shareBasisPoints", "range",
                        "a shareholder's share is 1 to 10000 basis points, not " + request.shareBasisPoints()));
            }
        } else if (request.shareBasisPoints() != 0) {
            violations.add(new Violation("shareBasisPoints", "only-for-shareholders",
                    "only a SHAREHOLDER relationship has a share"));
        }
        if (from != null && to != null && request.type() != null) {
            kinds(request.type(), from.kind(), to.kind(), violations);
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        String id = idOf(request.type(), from.id(), to.id(), request.validFrom());
        if (request.type() == RelationshipType.LEGAL_REPRESENTATIVE) {
            // GB company law: one legal representative at a time. Checked before the write; two
            // concurrent appointments for the same company could both pass (no transactions).
            relationships.to(to.id()).stream()
                    .filter(r -> r.type() == RelationshipType.LEGAL_REPRESENTATIVE && !r.id().equals(id))
                    .filter(r -> r.overlaps(request.validFrom(), request.validTo()))
                    .findFirst()
                    .ifPresent(r -> {
                        throw new RelationshipConflictException("the company already has a legal representative from "
                                + r.validFrom() + (r.validTo() == null ? " on" : " to " + r.validTo()), r.id());
                    });
        }
        Relationship relationship = new Relationship(id, request.type(), from.id(), to.id(), request.validFrom(),
                request.validTo(), request.shareBasisPoints(), clock.instant());
        // The insert carries the announcement of both parties (the change feed) in the same write.
        boolean created = relationships.insert(relationship);
        return created ? new Outcome(relationship, true) : new Outcome(relationships.findById(id).orElseThrow(), false);
    }

    private static void kinds(RelationshipType type, SubjectKind from, SubjectKind to, List<Violation> violations) {
        switch (type) {
            case LEGAL_REPRESENTATIVE, PRINCIPAL, DIRECTLY_RESPONSIBLE_PERSON -> {
                if (from != SubjectKind.PERSON) {
                    violations.add(new Violation("fromSubjectId", "kind", "a " + type + " is a person"));
                }
                if (to == SubjectKind.PERSON) {
                    violations.add(new Violation("toSubjectId", "kind", "a " + type + " acts for an entity or body, not a person"));
                }
            }
            case SHAREHOLDER, ACTUAL_CONTROLLER -> {
                if (to != SubjectKind.LEGAL_ENTITY) {
                    violations.add(new Violation("toSubjectId", "kind", "a " + type + " holds a legal entity"));
                }
            }
            case BUSINESS_PARTNER -> {
            }
        }
    }

    /**
     * Relationships of the subject valid on {@code asOf} (today when null), in the direction and
     * of the types asked (all when empty).
     */
    public List<Relationship> list(String subjectId, Direction direction, Set<RelationshipType> types, LocalDate asOf) {
        subjects.get(subjectId);
        LocalDate day = asOf == null ? LocalDate.now(clock.withZone(ZONE)) : asOf;
        Direction d = direction == null ? Direction.BOTH : direction;
        Stream<Relationship> all = Stream.concat(
                d == Direction.INCOMING ? Stream.empty() : relationships.from(subjectId).stream(),
                d == Direction.OUTGOING ? Stream.empty() : relationships.to(subjectId).stream());
        return all.filter(r -> types == null || types.isEmpty() || types.contains(r.type()))
                .filter(r -> r.validOn(day))
                .sorted(Comparator.comparing(Relationship::validFrom).thenComparing(Relationship::id))
                .toList();
    }

    /**
     * Every relationship of the subject whatever its period — past, current and future (a role recorded
     * today that starts next week is among them) — in the direction and of the types asked (all when empty).
     */
    public List<Relationship> allPeriods(String subjectId, Direction direction, Set<RelationshipType> types) {
        subjects.get(subjectId);
        Direction d = direction == null ? Direction.BOTH : direction;
        return Stream.concat(
                d == Direction.INCOMING ? Stream.empty() : relationships.from(subjectId).stream(),
                d == Direction.OUTGOING ? Stream.empty() : relationships.to(subjectId).stream())
                .filter(r -> types == null || types.isEmpty() || types.contains(r.type()))
                .sorted(Comparator.comparing(Relationship::validFrom).thenComparing(Relationship::id))
                .toList();
    }

    /** Every relationship of the subject, whatever its period (history of roles). */
    public List<Relationship> all(String subjectId) {
        subjects.get(subjectId);
        return Stream.concat(relationships.from(subjectId).stream(), relationships.to(subjectId).stream())
                .sorted(Comparator.comparing(Relationship::validFrom).thenComparing(Relationship::id))
                .toList();
    }

    /** Ends an open relationship on its last day. */
    public Relationship end(String subjectId, String relationshipId, LocalDate lastDay) {
        Relationship r = relationships.findById(relationshipId)
                .filter(x -> x.fromSubjectId().equals(subjectId) || x.toSubjectId().equals(subjectId))
                .orElseThrow(RelationshipNotFoundException::new);
        if (lastDay == null) {
            throw new InvalidInputException("validTo", "required", "the last day is required");
        }
        if (lastDay.isBefore(r.validFrom())) {
            throw new InvalidInputException("validTo", "after-valid-from",
                    "the last day " + lastDay + " is before the first day " + r.validFrom());
        }
        if (!relationships.end(relationshipId, lastDay)) {
            throw new RelationshipConflictException("the relationship has already ended", relationshipId);
        }
        return relationships.findById(relationshipId).orElseThrow();
    }

    public record Outcome(Relationship relationship, boolean created) {
    }
}
