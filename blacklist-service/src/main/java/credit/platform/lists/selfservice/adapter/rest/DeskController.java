package credit.platform.lists.selfservice.adapter.rest;

import credit.platform.common.web.FieldViolation;
import credit.platform.common.web.InvalidRequestException;
import credit.platform.lists.application.domain.Application;
import credit.platform.lists.application.domain.ApplicationService;
import credit.platform.lists.definition.domain.ListCatalog;
import credit.platform.lists.definition.domain.WorkingCalendar;
import credit.platform.lists.record.domain.Actor;
import credit.platform.lists.record.domain.ListOwnedElsewhereException;
import credit.platform.lists.record.domain.ListRecord;
import credit.platform.lists.record.domain.RecordService;
import credit.platform.lists.selfservice.adapter.rest.SelfServiceJson.ApplicationView;
import credit.platform.lists.selfservice.adapter.rest.SelfServiceJson.DecisionRequest;
import credit.platform.lists.selfservice.adapter.rest.SelfServiceJson.DeskItem;
import credit.platform.lists.selfservice.adapter.rest.SelfServiceJson.OwnRecordView;
import credit.platform.lists.selfservice.adapter.rest.SelfServiceJson.Page;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The officer's desk ({@code desk.officer}: an agency's officer signed in through the portal, the token's
 * {@code agency} claim names the authority): what awaits the authority's decision, overdue first, with
 * the working days left; one application with its record; the decision with a reason (the same use case
 * as the agencies' API); the authority's own records. Another authority's application is forbidden.
 */
@RestController
class DeskController {

    private static final int MAX_PAGE = 200;

    private final RecordService records;
    private final ApplicationService applications;
    private final ListCatalog lists;
    private final WorkingCalendar calendar;

    DeskController(RecordService records, ApplicationService applications, ListCatalog lists, WorkingCalendar calendar) {
        this.records = records;
        this.applications = applications;
        this.lists = lists;
        this.calendar = calendar;
    }

    @GetMapping("/api/v1/desk/applications")
    List<DeskItem> pending(JwtAuthenticationToken token) {
        Actor officer = officer(token);
        LocalDate today = records.today();
        return applications.pendingFor(officer.agency()).stream()
                .map(p -> new DeskItem(ApplicationView.of(p.application(), p.workingDaysLeft(), today),
                        recordView(records.get(p.application().recordId()), today)))
                .toList();
    }

    @GetMapping("/api/v1/desk/applications/{applicationId}")
    DeskItem one(@PathVariable String applicationId, JwtAuthenticationToken token) {
        Application a = applications.forDecider(applicationId, officer(token));
        LocalDate today = records.today();
        return new DeskItem(ApplicationView.of(a, calendar, today),
                recordView(records.get(a.recordId()), today));
    }

    @PostMapping("/api/v1/desk/applications/{applicationId}/decision")
    DeskItem decide(@PathVariable String applicationId, @RequestBody(required = false) DecisionRequest body,
            JwtAuthenticationToken token) {
        Actor officer = officer(token);
        List<FieldViolation> violations = new ArrayList<>();
        Boolean accepted = null;
        String outcome = body == null || body.outcome() == null ? "" : body.outcome().strip();
        if (outcome.isEmpty()) {
            violations.add(new FieldViolation("outcome", "required", "outcome is required"));
        } else if (outcome.equalsIgnoreCase("ACCEPTED") || outcome.equalsIgnoreCase("REJECTED")) {
            accepted = outcome.equalsIgnoreCase("ACCEPTED");
        } else {
            violations.add(new FieldViolation("outcome", "enum", "outcome must be one of ACCEPTED, REJECTED"));
        }
        String reason = SelfServiceController.text(body == null ? null : body.reason(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        Application a = applications.forDecider(applicationId, officer);
        Application decided = applications.decide(a.listId(), a.recordId(), a.id(), accepted, reason, officer);
        LocalDate today = records.today();
        return new DeskItem(ApplicationView.of(decided, calendar, today),
                recordView(records.get(decided.recordId()), today));
    }

    @GetMapping("/api/v1/desk/records")
    Page<OwnRecordView> authorityRecords(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, JwtAuthenticationToken token) {
        Actor officer = officer(token);
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
        RecordService.RecordPage result = records.authorityPage(officer.agency(), page, size);
        return new Page<>(result.items().stream().map(r -> recordView(r, today)).toList(), result.page(),
                result.size(), result.total());
    }

    private OwnRecordView recordView(ListRecord r, LocalDate today) {
        return OwnRecordView.of(r, lists.get(r.listId()), today, calendar);
    }

    /**
     * The officer as the record's history and the application name them: the officer's user name
     * through the portal client, acting for the token's agency. A desk token without an agency is refused.
     */
    static Actor officer(JwtAuthenticationToken token) {
        String agency = token.getToken().getClaimAsString("agency");
        if (agency == null || agency.isBlank()) {
            throw new ListOwnedElsewhereException("an agency");
        }
        String client = token.getToken().getClaimAsString("azp");
        String user = token.getToken().getClaimAsString("preferred_username");
        String id = (user == null ? token.getName() : user) + (client == null ? "" : " via " + client);
        return new Actor(id, agency, false);
    }
}
