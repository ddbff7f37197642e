package credit.platform.registry.permit.adapter.rest;

import credit.platform.registry.permit.domain.Permit;
import credit.platform.registry.permit.domain.PermitService;
import credit.platform.registry.permit.domain.PermitStatus;
import credit.platform.registry.subject.domain.InvalidInputException;
import credit.platform.registry.subject.domain.SubjectDraft;
import credit.platform.registry.subject.domain.Violation;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Permits and licences under the subject; {@code ?expired=true} lists only the expired ones. */
@RestController
@RequestMapping("/api/v1/subjects/{subjectId}/permits")
class PermitController {

    private final PermitService permits;

    PermitController(PermitService permits) {
        this.permits = permits;
    }

    record CreatePermitRequest(String type, String issuer, String number, LocalDate validFrom, LocalDate validTo,
            String status) {
    }

    /** @param status the status today (EXPIRED once past validTo) */
    record PermitView(String id, String subjectId, String type, String issuer, String number, LocalDate validFrom,
            LocalDate validTo, String status, boolean expired) {
        static PermitView of(Permit p, LocalDate today) {
            PermitStatus now = p.statusOn(today);
            return new PermitView(p.id(), p.subjectId(), p.type(), p.issuer(), p.number(), p.validFrom(), p.validTo(),
                    now.name(), now == PermitStatus.EXPIRED);
        }
    }

    @PostMapping
    ResponseEntity<PermitView> create(@PathVariable String subjectId, @RequestBody CreatePermitRequest request) {
        List<Violation> violations = new ArrayList<>();
        PermitStatus status = request.status() == null ? PermitStatus.VALID
                : SubjectDraft.enumValue(PermitStatus.class, request.status(), "status", violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        var outcome = permits.add(subjectId, new PermitService.NewPermit(request.type(), request.issuer(),
                request.number(), request.validFrom(), request.validTo(), status));
        PermitView view = PermitView.of(outcome.permit(), permits.today());
        return outcome.created()
                ? ResponseEntity.created(URI.create("/api/v1/subjects/" + subjectId + "/permits/" + view.id())).body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping
    List<PermitView> list(@PathVariable String subjectId,
            @RequestParam(value = "expired", defaultValue = "false") boolean expiredOnly) {
        LocalDate today = permits.today();
        return permits.list(subjectId, expiredOnly).stream().map(p -> PermitView.of(p, today)).toList();
    }
}
