package credit.platform.lists.definition.adapter.rest;

import credit.platform.common.security.Scopes;
import credit.platform.common.web.FieldViolation;
import credit.platform.common.web.InvalidRequestException;
import credit.platform.common.web.Problems;
import credit.platform.lists.definition.adapter.DefinitionJson;
import credit.platform.lists.definition.domain.DefinitionConflictException;
import credit.platform.lists.definition.domain.ListCatalog;
import credit.platform.lists.definition.domain.ListDefinition;
import credit.platform.lists.definition.domain.ListNotFoundException;
import credit.platform.lists.definition.domain.VersionedDefinition;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** REST: the lists kept on the platform, and their rules as the platform admin edits them. */
@RestController
class ListDefinitionController {

    private final ListCatalog catalog;

    ListDefinitionController(ListCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/v1/lists")
    List<ListDefinitionView> lists() {
        return catalog.all().stream().map(d -> catalog.getVersioned(d.id())).map(ListDefinitionView::of).toList();
    }

    @GetMapping("/api/v1/lists/{listId}")
    ListDefinitionView list(@PathVariable String listId) {
        return ListDefinitionView.of(catalog.getVersioned(listId));
    }

    /** The next version of a list's rules; {@code platform.admin} only. */
    @PostMapping("/api/v1/lists/{listId}/definition")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The list's new version",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ListDefinitionView.class)))
    ResponseEntity<?> edit(@PathVariable String listId, @RequestBody(required = false) EditRequest body,
            JwtAuthenticationToken token) {
        boolean admin = token.getAuthorities().stream()
                .anyMatch(a -> Scopes.authority(Scopes.PLATFORM_ADMIN).equals(a.getAuthority()));
        if (!admin) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Problems.of(HttpStatus.FORBIDDEN, "platform-admin-only",
                    "Forbidden", "only the platform admin edits list definitions"));
        }
        if (body == null || body.rules() == null || body.expectedVersion() == null) {
            throw new InvalidRequestException(List.of(new FieldViolation("body", "required",
                    "rules and expectedVersion are required")));
        }
        if (body.rules().id() != null && !body.rules().id().equals(listId)) {
            throw new InvalidRequestException(List.of(new FieldViolation("rules.id", "path",
                    "the rules' id must be the list's id " + listId)));
        }
        ListDefinition next;
        try {
            DefinitionJson rules = body.rules();
            next = new DefinitionJson(listId, rules.name(), rules.kind(), rules.issuingAuthority(), rules.legalBasis(),
                    rules.subjectKinds(), rules.defaultDuration(), rules.minDuration(), rules.maxDuration(),
                    rules.minExtension(), rules.maxExtension(), rules.untilDeletionGround(), rules.publicity(),
                    rules.objectionWindow(), rules.objectionDecision(), rules.removalDeadline(), rules.excludesMinors(),
                    rules.repair(), rules.grounds()).toDomain();
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            throw new InvalidRequestException(List.of(new FieldViolation("rules", "invalid",
                    "the rules are not a valid list definition: " + e.getMessage())));
        }
        String client = token.getToken().getClaimAsString("azp");
        return ResponseEntity.ok(ListDefinitionView.of(
                catalog.edit(next, body.expectedVersion(), client != null ? client : token.getName())));
    }

    /** An edit: the complete new rules and the version they replace. */
    record EditRequest(DefinitionJson rules, Long expectedVersion) {
    }

    /** The REST shape of a list (the platform-client SDK mirrors the first six fields). */
    record ListDefinitionView(String id, String name, String kind, String issuingAuthority, String legalBasis,
            String publicity, long version, String editedBy, Instant editedAt, DefinitionJson rules) {
        static ListDefinitionView of(VersionedDefinition v) {
            ListDefinition d = v.definition();
            return new ListDefinitionView(d.id(), d.name(), d.kind().name(), d.issuingAuthority(), d.legalBasis(),
                    d.publicity().name(), v.version(), v.editedBy(), v.editedAt(), DefinitionJson.of(d));
        }
    }

    @ExceptionHandler(ListNotFoundException.class)
    ProblemDetail notFound(ListNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "list-not-found", "List not found", e.getMessage());
    }

    @ExceptionHandler(DefinitionConflictException.class)
    ProblemDetail conflict(DefinitionConflictException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "version-conflict", "Conflict", e.getMessage());
        problem.setProperty("currentVersion", e.currentVersion());
        return problem;
    }
}
