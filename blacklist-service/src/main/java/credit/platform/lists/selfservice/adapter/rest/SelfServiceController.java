package credit.platform.lists.selfservice.adapter.rest;

import credit.platform.common.security.SubjectClaims;
import credit.platform.common.web.FieldViolation;
import credit.platform.common.web.InvalidRequestException;
import credit.platform.identifiers.IdentifierScheme;
import credit.platform.lists.application.domain.Application;
import credit.platform.lists.application.domain.ApplicationKind;
import credit.platform.lists.application.domain.ApplicationService;
import credit.platform.lists.definition.domain.ListCatalog;
import credit.platform.lists.definition.domain.WorkingCalendar;
import credit.platform.lists.record.domain.ListRecord;
import credit.platform.lists.record.domain.RecordService;
import credit.platform.lists.record.domain.RemovalGround;
import credit.platform.lists.record.domain.SubjectIdentifier;
import credit.platform.lists.selfservice.adapter.rest.SelfServiceJson.ApplicationView;
import credit.platform.lists.selfservice.adapter.rest.SelfServiceJson.DeletionFilingRequest;
import credit.platform.lists.selfservice.adapter.rest.SelfServiceJson.FilingRequest;
import credit.platform.lists.selfservice.adapter.rest.SelfServiceJson.OwnRecordDetail;
import credit.platform.lists.selfservice.adapter.rest.SelfServiceJson.OwnRecordView;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Self-service: a signed-in person ({@code /api/v1/me/**}) or a company's representative
 * ({@code /api/v1/me/company/**}) reads their own records — on every list, public or not, with history
 * and the ways to challenge them — and files an objection, a credit-repair application or a deletion
 * request themselves. Who they are comes from their token only ({@link SubjectClaims}); a record of
 * anyone else is "not found", never "forbidden".
 */
@RestController
class SelfServiceController {

    private static final int MAX_TEXT = 4000;

    private final RecordService records;
    private final ApplicationService applications;
    private final ListCatalog lists;
    private final WorkingCalendar calendar;

    SelfServiceController(RecordService records, ApplicationService applications, ListCatalog lists,
            WorkingCalendar calendar) {
        this.records = records;
        this.applications = applications;
        this.lists = lists;
        this.calendar = calendar;
    }

    @GetMapping({"/api/v1/me/records", "/api/v1/me/company/records"})
    List<OwnRecordView> records(JwtAuthenticationToken token, jakarta.servlet.http.HttpServletRequest request) {
        LocalDate today = records.today();
        return records.recordsOfHolder(holder(token, request)).stream().map(r -> view(r, today)).toList();
    }

    @GetMapping({"/api/v1/me/records/{recordId}", "/api/v1/me/company/records/{recordId}"})
    OwnRecordDetail record(@PathVariable String recordId, JwtAuthenticationToken token,
            jakarta.servlet.http.HttpServletRequest request) {
        SubjectIdentifier holder = holder(token, request);
        LocalDate today = records.today();
        ListRecord record = records.recordOfHolder(holder, recordId);
        return new OwnRecordDetail(view(record, today), applications.ofHoldersRecord(holder, recordId).stream()
                .map(a -> applicationView(a, today)).toList());
    }

    @GetMapping({"/api/v1/me/applications", "/api/v1/me/company/applications"})
    List<ApplicationView> applications(JwtAuthenticationToken token, jakarta.servlet.http.HttpServletRequest request) {
        LocalDate today = records.today();
        return applications.ofHolder(holder(token, request)).stream().map(a -> applicationView(a, today)).toList();
    }

    @PostMapping({"/api/v1/me/records/{recordId}/objections", "/api/v1/me/company/records/{recordId}/objections"})
    ResponseEntity<ApplicationView> object(@PathVariable String recordId, @RequestBody(required = false) FilingRequest body,
            JwtAuthenticationToken token, jakarta.servlet.http.HttpServletRequest request) {
        return file(ApplicationKind.OBJECTION, recordId, body == null ? null : body.reason(), null, token, request);
    }

    @PostMapping({"/api/v1/me/records/{recordId}/repairs", "/api/v1/me/company/records/{recordId}/repairs"})
    ResponseEntity<ApplicationView> repair(@PathVariable String recordId, @RequestBody(required = false) FilingRequest body,
            JwtAuthenticationToken token, jakarta.servlet.http.HttpServletRequest request) {
        return file(ApplicationKind.REPAIR, recordId, body == null ? null : body.reason(), null, token, request);
    }

    @PostMapping({"/api/v1/me/records/{recordId}/deletion-requests",
            "/api/v1/me/company/records/{recordId}/deletion-requests"})
    ResponseEntity<ApplicationView> requestDeletion(@PathVariable String recordId,
            @RequestBody(required = false) DeletionFilingRequest body, JwtAuthenticationToken token,
            jakarta.servlet.http.HttpServletRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        RemovalGround ground = null;
        if (body == null || body.ground() == null || body.ground().isBlank()) {
            violations.add(new FieldViolation("ground", "required", "ground is required"));
        } else {
            try {
                ground = RemovalGround.valueOf(body.ground().strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation("ground", "enum", "ground must be one of "
                        + String.join(", ", Arrays.stream(RemovalGround.values()).map(Enum::name).toList())));
            }
        }
        if (!violations.isEmpty()) {
            text(body == null ? null : body.reason(), violations);
            throw new InvalidRequestException(violations);
        }
        return file(ApplicationKind.DELETION, recordId, body.reason(), ground, token, request);
    }

    private ResponseEntity<ApplicationView> file(ApplicationKind kind, String recordId, String rawReason,
            RemovalGround ground, JwtAuthenticationToken token, jakarta.servlet.http.HttpServletRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        String reason = text(rawReason, violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        SubjectIdentifier holder = holder(token, request);
        Application filed = applications.fileAsSubject(kind, holder, recordId, reason, ground, filer(token));
        String base = request.getRequestURI().startsWith(SubjectClaims.COMPANY_ROUTES)
                ? "/api/v1/me/company" : "/api/v1/me";
        return ResponseEntity.created(URI.create(base + "/records/" + recordId))
                .body(applicationView(filed, records.today()));
    }

    /**
     * Who the caller is: a company route names the token's USCC, any other the token's resident ID (the
     * route's security already required the claim).
     */
    static SubjectIdentifier holder(JwtAuthenticationToken token, jakarta.servlet.http.HttpServletRequest request) {
        SubjectClaims.SelfServiceCaller caller =
                SubjectClaims.selfServiceCaller(token.getToken(), request.getRequestURI());
        return new SubjectIdentifier(caller.company() ? IdentifierScheme.USCC : IdentifierScheme.RESIDENT_ID,
                credit.platform.identifiers.Identifiers.normalise(caller.identifier()), "");
    }

    /** Recorded as the filer: the subject themselves, through the client they signed in with. */
    static String filer(JwtAuthenticationToken token) {
        String client = token.getToken().getClaimAsString("azp");
        return "subject via " + (client == null ? "self-service" : client);
    }

    private OwnRecordView view(ListRecord r, LocalDate today) {
        return OwnRecordView.of(r, lists.get(r.listId()), today, calendar);
    }

    private ApplicationView applicationView(Application a, LocalDate today) {
        return ApplicationView.of(a, calendar, today);
    }

    static String text(String raw, List<FieldViolation> violations) {
        if (raw == null || raw.isBlank()) {
            violations.add(new FieldViolation("reason", "required", "reason is required"));
            return null;
        }
        if (raw.strip().length() > MAX_TEXT) {
            violations.add(new FieldViolation("reason", "max-length", "reason has at most " + MAX_TEXT + " characters"));
            return null;
        }
        return raw.strip();
    }
}
