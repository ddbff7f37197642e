package credit.platform.lists.application.adapter.rest;

import credit.platform.common.security.Scopes;
import credit.platform.common.web.FieldViolation;
import credit.platform.common.web.InvalidRequestException;
import credit.platform.lists.application.domain.Application;
import credit.platform.lists.application.domain.ApplicationKind;
import credit.platform.lists.application.domain.ApplicationService;
import credit.platform.lists.record.domain.Actor;
import credit.platform.lists.record.domain.ListOwnedElsewhereException;
import credit.platform.lists.record.domain.RemovalGround;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST for objections, credit-repair applications and deletion requests on a record, and the overdue view per
 * authority. Filing needs {@code lists.write} (an agency, or the subject's portal on their behalf);
 * acknowledging and deciding also need the token's agency to be the record's issuing authority.
 */
@RestController
class ApplicationController {

    private static final int MAX_TEXT = 4000;
    private static final String RECORD = "/api/v1/lists/{listId}/records/{recordId}";

    private final ApplicationService applications;

    ApplicationController(ApplicationService applications) {
        this.applications = applications;
    }

    /** Why the subject objects or asks for repair. */
    record FilingRequest(String reason) {
    }

    /** A deletion ground arose: which, and the facts. */
    record DeletionFilingRequest(String ground, String reason) {
    }

    /** {@code outcome}: ACCEPTED (objection upheld / repair granted) or REJECTED. */
    record DecisionRequest(String outcome, String reason) {
    }

    /** @param deadlinePending why {@code decideBy} is not known yet (a year without a holiday notice); absent otherwise */
    record ApplicationView(String id, String kind, String recordId, String listId, String authority, String filedBy,
            String reason, String ground, Instant filedAt, LocalDate decideBy, boolean overdue, String status,
            Instant acknowledgedAt, Instant decidedAt, String decidedBy, String decisionReason, long version,
            String deadlinePending) {
        static ApplicationView of(Application a, LocalDate today) {
            return new ApplicationView(a.id(), a.kind().name(), a.recordId(), a.listId(), a.authority(), a.filedBy(),
                    a.reason(), a.ground() == null ? null : a.ground().name(), a.filedAt(), a.decideBy(), a.isOverdueOn(today), a.status().name(), a.acknowledgedAt(),
                    a.decidedAt(), a.decidedBy(), a.decisionReason(), a.version(), a.deadlinePending());
        }
    }

    @PostMapping(RECORD + "/objections")
    ResponseEntity<ApplicationView> object(@PathVariable String listId, @PathVariable String recordId,
            @RequestBody(required = false) FilingRequest body, JwtAuthenticationToken token) {
        return file(ApplicationKind.OBJECTION, listId, recordId, body, token);
    }

    @PostMapping(RECORD + "/repairs")
    ResponseEntity<ApplicationView> repair(@PathVariable String listId, @PathVariable String recordId,
            @RequestBody(required = false) FilingRequest body, JwtAuthenticationToken token) {
        return file(ApplicationKind.REPAIR, listId, recordId, body, token);
    }

    @PostMapping(RECORD + "/deletion-requests")
    ResponseEntity<ApplicationView> requestDeletion(@PathVariable String listId, @PathVariable String recordId,
            @RequestBody(required = false) DeletionFilingRequest body, JwtAuthenticationToken token) {
        List<FieldViolation> violations = new java.util.ArrayList<>();
        RemovalGround ground = null;
        if (body == null || body.ground() == null || body.ground().isBlank()) {
            violations.add(new FieldViolation("ground", "required", "ground is required"));
        } else {
            try {
                ground = RemovalGround.valueOf(body.ground().strip().toUpperCase());
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation("ground", "enum", "ground must be one of "
                        + String.join(", ", java.util.Arrays.stream(RemovalGround.values()).map(Enum::name).toList())));
            }
        }
        String reason = text(body == null ? null : body.reason(), "reason", violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        Application filed = applications.file(ApplicationKind.DELETION, listId, recordId, reason, ground, actor(token));
        return created(listId, recordId, filed);
    }

    @GetMapping(RECORD + "/applications")
    List<ApplicationView> ofRecord(@PathVariable String listId, @PathVariable String recordId) {
        LocalDate today = today();
        return applications.ofRecord(listId, recordId).stream().map(a -> ApplicationView.of(a, today)).toList();
    }

    @GetMapping(RECORD + "/applications/{applicationId}")
    ApplicationView get(@PathVariable String listId, @PathVariable String recordId, @PathVariable String applicationId) {
        return ApplicationView.of(applications.get(listId, recordId, applicationId), today());
    }

    @PostMapping(RECORD + "/applications/{applicationId}/acknowledgement")
    ApplicationView acknowledge(@PathVariable String listId, @PathVariable String recordId,
            @PathVariable String applicationId, JwtAuthenticationToken token) {
        return ApplicationView.of(applications.acknowledge(listId, recordId, applicationId, actor(token)), today());
    }

    @PostMapping(RECORD + "/applications/{applicationId}/decision")
    ApplicationView decide(@PathVariable String listId, @PathVariable String recordId,
            @PathVariable String applicationId, @RequestBody(required = false) DecisionRequest body,
            JwtAuthenticationToken token) {
        if (body == null) {
            throw new InvalidRequestException(List.of(new FieldViolation("body", "required", "the request body is required")));
        }
        List<FieldViolation> violations = new java.util.ArrayList<>();
        Boolean accepted = null;
        if (body.outcome() == null || body.outcome().isBlank()) {
            violations.add(new FieldViolation("outcome", "required", "outcome is required"));
        } else if ("ACCEPTED".equalsIgnoreCase(body.outcome().strip()) || "REJECTED".equalsIgnoreCase(body.outcome().strip())) {
            accepted = "ACCEPTED".equalsIgnoreCase(body.outcome().strip());
        } else {
            violations.add(new FieldViolation("outcome", "enum", "outcome must be one of ACCEPTED, REJECTED"));
        }
        String reason = text(body.reason(), "reason", violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return ApplicationView.of(applications.decide(listId, recordId, applicationId, accepted, reason, actor(token)),
                today());
    }

    /**
     * Undecided objections and repair applications past their deadline. An agency sees its own;
     * {@code platform.admin} may name any authority or see all.
     */
    @GetMapping("/api/v1/lists/applications/overdue")
    List<ApplicationView> overdue(@RequestParam(required = false) String authority, JwtAuthenticationToken token) {
        Actor actor = actor(token);
        String of = authority;
        if (!actor.platformAdmin()) {
            if (actor.agency() == null || (authority != null && !authority.equals(actor.agency()))) {
                throw new ListOwnedElsewhereException(authority == null ? "an agency" : authority);
            }
            of = actor.agency();
        }
        LocalDate today = today();
        return applications.overdue(of).stream().map(a -> ApplicationView.of(a, today)).toList();
    }

    private ResponseEntity<ApplicationView> file(ApplicationKind kind, String listId, String recordId, FilingRequest body,
            JwtAuthenticationToken token) {
        List<FieldViolation> violations = new java.util.ArrayList<>();
        String reason = text(body == null ? null : body.reason(), "reason", violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        Application filed = applications.file(kind, listId, recordId, reason, actor(token));
        return created(listId, recordId, filed);
    }

    private ResponseEntity<ApplicationView> created(String listId, String recordId, Application filed) {
        return ResponseEntity.created(URI.create("/api/v1/lists/" + listId + "/records/" + recordId + "/applications/"
                + filed.id())).body(ApplicationView.of(filed, today()));
    }

    private LocalDate today() {
        return applications.today();
    }

    private static String text(String raw, String field, List<FieldViolation> violations) {
        if (raw == null || raw.isBlank()) {
            violations.add(new FieldViolation(field, "required", field + " is required"));
            return null;
        }
        if (raw.strip().length() > MAX_TEXT) {
            violations.add(new FieldViolation(field, "max-length", field + " has at most " + MAX_TEXT + " characters"));
            return null;
        }
        return raw.strip();
    }

    private static Actor actor(JwtAuthenticationToken token) {
        boolean admin = token.getAuthorities().stream()
                .anyMatch(a -> Scopes.authority(Scopes.PLATFORM_ADMIN).equals(a.getAuthority()));
        String clientId = token.getToken().getClaimAsString("azp");
        return new Actor(clientId != null ? clientId : token.getName(), token.getToken().getClaimAsString("agency"), admin);
    }
}
