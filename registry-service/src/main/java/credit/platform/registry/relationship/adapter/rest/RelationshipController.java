package credit.platform.registry.relationship.adapter.rest;

import credit.platform.registry.relationship.domain.Direction;
import credit.platform.registry.relationship.domain.NewRelationship;
import credit.platform.registry.relationship.domain.Relationship;
import credit.platform.registry.relationship.domain.RelationshipService;
import credit.platform.registry.relationship.domain.RelationshipType;
import credit.platform.registry.subject.domain.InvalidInputException;
import credit.platform.registry.subject.domain.SubjectDraft;
import credit.platform.registry.subject.domain.Violation;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Relationships under the subject: {@code POST /api/v1/subjects/{id}/relationships} records a role
 * the subject holds in another ({@code toSubjectId}); {@code GET} lists them as of a day, in either
 * direction; {@code POST …/{relationshipId}/end} sets the last day.
 */
@RestController
@RequestMapping("/api/v1/subjects/{subjectId}/relationships")
class RelationshipController {

    private final RelationshipService relationships;

    RelationshipController(RelationshipService relationships) {
        this.relationships = relationships;
    }

    record CreateRelationshipRequest(String type, String toSubjectId, LocalDate validFrom, LocalDate validTo,
            Integer shareBasisPoints) {
    }

    record EndRelationshipRequest(LocalDate validTo) {
    }

    record RelationshipView(String id, String type, String fromSubjectId, String toSubjectId, LocalDate validFrom,
            LocalDate validTo, Integer shareBasisPoints, Instant createdAt) {
        static RelationshipView of(Relationship r) {
            return new RelationshipView(r.id(), r.type().name(), r.fromSubjectId(), r.toSubjectId(), r.validFrom(),
                    r.validTo(), r.type() == RelationshipType.SHAREHOLDER ? r.shareBasisPoints() : null, r.createdAt());
        }
    }

    @PostMapping
    ResponseEntity<RelationshipView> create(@PathVariable String subjectId, @RequestBody CreateRelationshipRequest request) {
        List<Violation> violations = new ArrayList<>();
        RelationshipType type = SubjectDraft.enumValue(RelationshipType.class, request.type(), "type", violations);
        if (request.toSubjectId() == null || request.toSubjectId().isBlank()) {
            violations.add(new Violation("toSubjectId", "required", "toSubjectId is required"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        var outcome = relationships.add(new NewRelationship(type, subjectId, request.toSubjectId().strip(),
                request.validFrom(), request.validTo(), request.shareBasisPoints() == null ? 0 : request.shareBasisPoints()));
        RelationshipView view = RelationshipView.of(outcome.relationship());
        URI location = URI.create("/api/v1/subjects/" + subjectId + "/relationships/" + view.id());
        return outcome.created() ? ResponseEntity.created(location).body(view) : ResponseEntity.ok(view);
    }

    /**
     * @param direction OUTGOING (roles the subject holds), INCOMING (roles held in it) or BOTH (default)
     * @param type      zero or more types (all when none)
     * @param asOf      the day (default today); {@code all=true} ignores periods and lists every relationship
     */
    @GetMapping
    List<RelationshipView> list(@PathVariable String subjectId,
            @RequestParam(value = "direction", required = false) String direction,
            @RequestParam(value = "type", required = false) List<String> type,
            @RequestParam(value = "asOf", required = false) LocalDate asOf,
            @RequestParam(value = "all", defaultValue = "false") boolean all) {
        if (all) {
            return relationships.all(subjectId).stream().map(RelationshipView::of).toList();
        }
        List<Violation> violations = new ArrayList<>();
        Direction d = direction == null ? Direction.BOTH
                : SubjectDraft.enumValue(Direction.class, direction, "direction", violations);
        Set<RelationshipType> types = EnumSet.noneOf(RelationshipType.class);
        if (type != null) {
            for (String t : type) {
                RelationshipType parsed = SubjectDraft.enumValue(RelationshipType.class, t, "type", violations);
                if (parsed != null) {
                    types.add(parsed);
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return relationships.list(subjectId, d, types, asOf).stream().map(RelationshipView::of).toList();
    }

    @PostMapping("/{relationshipId}/end")
    RelationshipView end(@PathVariable String subjectId, @PathVariable String relationshipId,
            @RequestBody EndRelationshipRequest request) {
        return RelationshipView.of(relationships.end(subjectId, relationshipId, request.validTo()));
    }
}
