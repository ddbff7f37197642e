package credit.platform.lists.record.adapter.rest;

import credit.platform.common.security.Scopes;
import credit.platform.common.web.FieldViolation;
import credit.platform.common.web.InvalidRequestException;
import credit.platform.common.web.Problems;
import credit.platform.lists.definition.domain.ListNotFoundException;
import credit.platform.lists.definition.domain.RuleViolation;
import credit.platform.lists.definition.domain.RuleViolationException;
import credit.platform.lists.definition.domain.SubjectKind;
import credit.platform.lists.record.adapter.rest.RecordJson.CreateRecordRequest;
import credit.platform.lists.record.adapter.rest.RecordJson.ExtensionRequest;
import credit.platform.lists.record.adapter.rest.RecordJson.PublicRecordView;
import credit.platform.lists.record.adapter.rest.RecordJson.RecordPageView;
import credit.platform.lists.record.adapter.rest.RecordJson.RemovalRequest;
import credit.platform.lists.record.adapter.rest.RecordJson.RecordView;
import credit.platform.lists.record.adapter.rest.RecordJson.SubjectDto;
import credit.platform.lists.record.domain.Actor;
import credit.platform.lists.record.domain.ConcurrentChangeException;
import credit.platform.lists.record.domain.RecordStateException;
import credit.platform.lists.record.domain.RemovalGround;
import credit.platform.identifiers.Identifier;
import credit.platform.identifiers.IdentifierScheme;
import credit.platform.identifiers.Identifiers;
import credit.platform.identifiers.InvalidIdentifierException;
import credit.platform.lists.record.domain.ListOwnedElsewhereException;
import credit.platform.lists.record.domain.RecordOwnedElsewhereException;
import credit.platform.lists.record.domain.ListRecord;
import credit.platform.lists.record.domain.NamedSubject;
import credit.platform.lists.record.domain.NewRecord;
import credit.platform.lists.record.domain.RecordNotFoundException;
import credit.platform.lists.record.domain.RecordService;
import credit.platform.lists.record.domain.RegistryUnavailableException;
import credit.platform.lists.record.domain.SubjectIdentifier;
import credit.platform.lists.record.domain.SubjectRejectedException;
import java.net.URI;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST for agencies: put subjects on lists, take them off, extend, read and page records; the public view. */
@RestController
class RecordController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_TEXT = 4000;
    private static final int MAX_SHORT = 200;
    private static final int MAX_PAGE = 500;

    private final RecordService records;

    RecordController(RecordService records) {
        this.records = records;
    }

    @PostMapping("/api/v1/lists/{listId}/records")
    ResponseEntity<RecordView> create(@PathVariable String listId, @RequestBody(required = false) CreateRecordRequest body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            JwtAuthenticationToken token) {
        Actor actor = actor(token);
        records.writableList(listId, actor); // 404 / 403 before the body is judged
        ListRecord created = records.create(validate(listId, body, idempotencyKey), actor);
        return ResponseEntity.created(URI.create("/api/v1/lists/" + listId + "/records/" + created.id()))
                .body(RecordView.of(created, records.today()));
    }

    @GetMapping("/api/v1/lists/{listId}/records/{recordId}")
    RecordView get(@PathVariable String listId, @PathVariable String recordId, JwtAuthenticationToken token) {
        ListRecord record = records.get(listId, recordId);
        if (!records.isVisibleTo(record, actor(token))) {
            throw new RecordNotFoundException();
        }
        return RecordView.of(record, records.today());
    }

    @GetMapping("/api/v1/records")
    List<RecordView> ofSubject(@RequestParam String subjectId,
            @RequestParam(defaultValue = "true") boolean includeEnded,
            @RequestParam(required = false) String asOf, JwtAuthenticationToken token) {
        LocalDate today = records.today();
        Actor actor = actor(token);
        if (asOf != null) {
            List<FieldViolation> violations = new ArrayList<>();
            LocalDate day = date(asOf, "asOf", true, violations);
            if (!violations.isEmpty()) {
                throw new InvalidRequestException(violations);
            }
            return records.recordsOfAsOf(subjectId, day).stream().filter(r -> records.isVisibleTo(r, actor))
                    .map(r -> RecordView.of(r, today)).toList();
        }
        return records.recordsOf(subjectId, includeEnded).stream().filter(r -> records.isVisibleTo(r, actor))
                .map(r -> RecordView.of(r, today)).toList();
    }

    /** The public view of a legal entity by USCC: records in force on public lists, nothing else. */
    @GetMapping("/api/v1/records/public")
    List<PublicRecordView> publicView(@RequestParam String uscc) {
        String value = uscc.strip().toUpperCase();
        if (value.length() != 18) {
            throw new InvalidRequestException(List.of(new FieldViolation("uscc", "length",
                    "a unified social credit code has 18 characters")));
        }
        return records.publicRecordsOf(value).stream().map(PublicRecordView::of).toList();
    }

    @GetMapping("/api/v1/lists/{listId}/records")
    RecordPageView page(@PathVariable String listId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, JwtAuthenticationToken token) {
        List<FieldViolation> violations = new ArrayList<>();
        if (page < 0) {
            violations.add(new FieldViolation("page", "min", "page starts at 0"));
        }
        if (size < 1 || size > MAX_PAGE) {
            violations.add(new FieldViolation("size", "range", "size is 1 to " + MAX_PAGE));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        LocalDate today = records.today();
        Actor actor = actor(token);
        if (records.isRestricted(listId)) {
            records.writableList(listId, actor); // a RESTRICTED list is paged by its authority only (403)
        }
        RecordService.RecordPage result = records.page(listId, page, size);
        return new RecordPageView(result.items().stream().map(r -> RecordView.of(r, today)).toList(), result.page(),
                result.size(), result.total());
    }

    @PostMapping("/api/v1/lists/{listId}/records/{recordId}/removal")
    RecordView remove(@PathVariable String listId, @PathVariable String recordId,
            @RequestBody(required = false) RemovalRequest body, JwtAuthenticationToken token) {
        Actor actor = actor(token);
        records.writableList(listId, actor);
        List<FieldViolation> violations = new ArrayList<>();
        if (body == null) {
            throw new InvalidRequestException(List.of(new FieldViolation("body", "required", "the request body is required")));
        }
        RemovalGround ground = enumValue(RemovalGround.class, body.ground(), "ground", violations);
        String reason = text(body.reason(), "reason", MAX_TEXT, violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return RecordView.of(records.remove(listId, recordId, ground, reason, body.expectedVersion(), actor),
                records.today());
    }

    @PostMapping("/api/v1/lists/{listId}/records/{recordId}/extension")
    RecordView extend(@PathVariable String listId, @PathVariable String recordId,
            @RequestBody(required = false) ExtensionRequest body, JwtAuthenticationToken token) {
        Actor actor = actor(token);
        records.writableList(listId, actor);
        if (body == null) {
            throw new InvalidRequestException(List.of(new FieldViolation("body", "required", "the request body is required")));
        }
        List<FieldViolation> violations = new ArrayList<>();
        Period extension = null;
        String raw = text(body.extension(), "extension", MAX_SHORT, violations);
        if (raw != null) {
            try {
                extension = Period.parse(raw);
                if (extension.isNegative() || extension.isZero()) {
                    violations.add(new FieldViolation("extension", "positive", "the extension is a positive period"));
                }
            } catch (DateTimeParseException e) {
                violations.add(new FieldViolation("extension", "period", "extension is an ISO-8601 period such as P1Y"));
            }
        }
        String reason = text(body.reason(), "reason", MAX_TEXT, violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return RecordView.of(records.extend(listId, recordId, extension, reason, body.expectedVersion(), actor),
                records.today());
    }

    static Actor actor(JwtAuthenticationToken token) {
        boolean admin = token.getAuthorities().stream()
                .anyMatch(a -> Scopes.authority(Scopes.PLATFORM_ADMIN).equals(a.getAuthority()));
        String clientId = token.getToken().getClaimAsString("azp");
        return new Actor(clientId != null ? clientId : token.getName(), token.getToken().getClaimAsString("agency"), admin);
    }

    private NewRecord validate(String listId, CreateRecordRequest body, String idempotencyKey) {
        List<FieldViolation> violations = new ArrayList<>();
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_SHORT)) {
            violations.add(new FieldViolation(IDEMPOTENCY_KEY, "length",
                    "the idempotency key has 1 to " + MAX_SHORT + " characters"));
        }
        if (body == null) {
            violations.add(new FieldViolation("body", "required", "the request body is required"));
            throw new InvalidRequestException(violations);
        }
        NamedSubject subject = subject(body.subject(), violations);
        String caseNumber = text(body.caseNumber(), "caseNumber", MAX_SHORT, violations);
        String legalGround = text(body.legalGround(), "legalGround", MAX_TEXT, violations);
        String facts = text(body.facts(), "facts", MAX_TEXT, violations);
        LocalDate from = date(body.effectiveFrom(), "effectiveFrom", true, violations);
        LocalDate until = date(body.effectiveUntil(), "effectiveUntil", false, violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        String ground = body.ground() == null || body.ground().isBlank() ? null : body.ground().strip();
        return new NewRecord(listId, subject, caseNumber, legalGround, facts, from, until,
                Boolean.TRUE.equals(body.untilDeletionGround()), idempotencyKey, ground);
    }

    private NamedSubject subject(SubjectDto dto, List<FieldViolation> violations) {
        if (dto == null) {
            violations.add(new FieldViolation("subject", "required", "the subject is required"));
            return null;
        }
        SubjectKind kind = enumValue(SubjectKind.class, dto.kind(), "subject.kind", violations);
        IdentifierScheme scheme = enumValue(IdentifierScheme.class, dto.scheme(), "subject.scheme", violations);
        String value = text(dto.value(), "subject.value", MAX_SHORT, violations);
        String name = text(dto.name(), "subject.name", MAX_SHORT, violations);
        LocalDate birthDate = date(dto.birthDate(), "subject.birthDate", false, violations);
        if (kind == null || scheme == null || value == null || name == null) {
            return null;
        }
        // One parse for the whole platform: width, case, separators, legacy 15-digit numbers, divisions.
        Identifier parsed;
        try {
            parsed = Identifiers.parse(scheme, value, dto.issuingCountry(), records.today());
        } catch (InvalidIdentifierException e) {
            violations.add(new FieldViolation("subject." + e.field(), e.rule(), e.getMessage()));
            return null;
        }
        return new NamedSubject(kind, new SubjectIdentifier(parsed.scheme(), parsed.value(), parsed.issuingCountry()),
                name, birthDate);
    }

    private static String text(String raw, String field, int max, List<FieldViolation> violations) {
        if (raw == null || raw.isBlank()) {
            violations.add(new FieldViolation(field, "required", field + " is required"));
            return null;
        }
        String value = raw.strip();
        if (value.length() > max) {
            violations.add(new FieldViolation(field, "max-length", field + " has at most " + max + " characters"));
            return null;
        }
        return value;
    }

    private static LocalDate date(String raw, String field, boolean required, List<FieldViolation> violations) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                violations.add(new FieldViolation(field, "required", field + " is required"));
            }
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field, "date", field + " must be a date written yyyy-MM-dd"));
            return null;
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String raw, String field, List<FieldViolation> violations) {
        if (raw == null || raw.isBlank()) {
            violations.add(new FieldViolation(field, "required", field + " is required"));
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation(field, "enum", field + " must be one of "
                    + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
            return null;
        }
    }

    private static List<FieldViolation> fields(List<RuleViolation> violations) {
        return violations.stream().map(v -> new FieldViolation(v.field(), v.rule(), v.message())).toList();
    }

    @ExceptionHandler(RuleViolationException.class)
    ProblemDetail ruleBroken(RuleViolationException e) {
        return Problems.invalid(fields(e.violations()));
    }

    @ExceptionHandler(SubjectRejectedException.class)
    ProblemDetail subjectRejected(SubjectRejectedException e) {
        return Problems.invalid(fields(e.violations()));
    }

    @ExceptionHandler(ListNotFoundException.class)
    ProblemDetail listNotFound(ListNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "list-not-found", "List not found", e.getMessage());
    }

    @ExceptionHandler(RecordNotFoundException.class)
    ProblemDetail recordNotFound(RecordNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "record-not-found", "Record not found", e.getMessage());
    }

    @ExceptionHandler(RecordOwnedElsewhereException.class)
    ProblemDetail recordOwnedElsewhere(RecordOwnedElsewhereException e) {
        ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "record-owned-elsewhere", "Forbidden", e.getMessage());
        problem.setProperty("owner", e.owner());
        return problem;
    }

    @ExceptionHandler(ListOwnedElsewhereException.class)
    ProblemDetail ownedElsewhere(ListOwnedElsewhereException e) {
        ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "list-owned-elsewhere", "Forbidden", e.getMessage());
        problem.setProperty("owner", e.owner());
        return problem;
    }

    @ExceptionHandler(RecordStateException.class)
    ProblemDetail wrongState(RecordStateException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "record-status", "Conflict", e.getMessage());
        problem.setProperty("status", e.status().name());
        return problem;
    }

    @ExceptionHandler(ConcurrentChangeException.class)
    ProblemDetail concurrentChange(ConcurrentChangeException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "version-conflict", "Conflict", e.getMessage());
        problem.setProperty("currentVersion", e.currentVersion());
        return problem;
    }

    @ExceptionHandler(RegistryUnavailableException.class)
    ProblemDetail registryUnavailable(RegistryUnavailableException e) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "registry-unavailable", "Service unavailable",
                "registry unavailable, nothing was written");
    }
}
