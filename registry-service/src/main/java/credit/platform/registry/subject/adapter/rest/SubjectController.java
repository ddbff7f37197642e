package credit.platform.registry.subject.adapter.rest;

import credit.platform.common.web.InvalidRequestException;
import credit.platform.identifiers.Identifier;
import credit.platform.identifiers.IdentifierScheme;
import credit.platform.identifiers.Identifiers;
import credit.platform.identifiers.InvalidIdentifierException;
import credit.platform.registry.RegistryProperties;
import credit.platform.registry.subject.adapter.rest.SubjectJson.AddIdentifierRequest;
import credit.platform.registry.subject.adapter.rest.SubjectJson.CreateSubjectRequest;
import credit.platform.registry.subject.adapter.rest.SubjectJson.HistoryEntryView;
import credit.platform.registry.subject.adapter.rest.SubjectJson.ReviewRequest;
import credit.platform.registry.subject.adapter.rest.SubjectJson.StatusChangeRequest;
import credit.platform.registry.subject.adapter.rest.SubjectJson.SubjectView;
import credit.platform.registry.subject.domain.InvalidInputException;
import credit.platform.registry.subject.domain.SubjectDraft;
import credit.platform.registry.subject.domain.SubjectService;
import credit.platform.registry.subject.domain.SubjectStatus;
import credit.platform.registry.subject.domain.Violation;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST for agencies: register, look up and change subjects; every change needs the version read. */
@RestController
@RequestMapping("/api/v1/subjects")
class SubjectController {

    private final SubjectService subjects;
    private final Clock clock;
    private final RegistryProperties properties;

    SubjectController(SubjectService subjects, Clock clock, RegistryProperties properties) {
        this.subjects = subjects;
        this.clock = clock;
        this.properties = properties;
    }

    @PostMapping
    ResponseEntity<SubjectView> create(@RequestBody CreateSubjectRequest request, Authentication caller) {
        String client = Callers.clientId(caller);
        var valid = request.draft().validate(today(), mayOverride(client));
        SubjectView created = SubjectView.of(subjects.register(valid, client));
        return ResponseEntity.created(URI.create("/api/v1/subjects/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    SubjectView get(@PathVariable String id) {
        return SubjectView.of(subjects.get(id));
    }

    @GetMapping("/{id}/history")
    List<HistoryEntryView> history(@PathVariable String id) {
        return subjects.history(id).stream().map(HistoryEntryView::of).toList();
    }

    @GetMapping("/lookup")
    SubjectView lookup(@RequestParam String scheme, @RequestParam String value,
            @RequestParam(required = false) String issuingCountry) {
        List<Violation> violations = new ArrayList<>();
        IdentifierScheme parsed = SubjectDraft.enumValue(IdentifierScheme.class, scheme, "scheme", violations);
        if (parsed == null) {
            throw new InvalidInputException(violations);
        }
        try {
            return SubjectView.of(subjects.resolve(Identifiers.parse(parsed, value, issuingCountry, today())));
        } catch (InvalidIdentifierException e) {
            throw new InvalidRequestException(e.field(), e.rule(), e.getMessage());
        }
    }

    /** Binds another identifier (e.g. a passport) to the subject. */
    @PostMapping("/{id}/identifiers")
    SubjectView addIdentifier(@PathVariable String id, @RequestBody AddIdentifierRequest request, Authentication caller) {
        String client = Callers.clientId(caller);
        List<Violation> violations = new ArrayList<>();
        long expected = expectedVersion(request.expectedVersion(), violations);
        Identifier identifier = SubjectDraft.identifier(new SubjectDraft.IdentifierDraft(request.scheme(), request.value(),
                request.issuingCountry(), Boolean.TRUE.equals(request.override())), "identifier", today(),
                mayOverride(client), violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return SubjectView.of(subjects.addIdentifier(id, expected, identifier, client));
    }

    /** Unbinds an identifier from the subject (at least one stays). */
    @PostMapping("/{id}/identifiers/removal")
    SubjectView removeIdentifier(@PathVariable String id, @RequestBody SubjectJson.RemoveIdentifierRequest request,
            Authentication caller) {
        List<Violation> violations = new ArrayList<>();
        long expected = expectedVersion(request.expectedVersion(), violations);
        Identifier identifier = SubjectDraft.identifier(new SubjectDraft.IdentifierDraft(request.scheme(), request.value(),
                request.issuingCountry(), false), "identifier", today(), false, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return SubjectView.of(subjects.removeIdentifier(id, expected, identifier, Callers.clientId(caller)));
    }

    @PostMapping("/{id}/status")
    SubjectView changeStatus(@PathVariable String id, @RequestBody StatusChangeRequest request, Authentication caller) {
        List<Violation> violations = new ArrayList<>();
        long expected = expectedVersion(request.expectedVersion(), violations);
        SubjectStatus status = SubjectDraft.enumValue(SubjectStatus.class, request.status(), "status", violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return SubjectView.of(subjects.changeStatus(id, expected, status, request.date(), Callers.clientId(caller)));
    }

    /** A reviewer confirms an overridden identifier; the review flag is cleared. */
    @PostMapping("/{id}/review")
    SubjectView review(@PathVariable String id, @RequestBody ReviewRequest request, Authentication caller) {
        List<Violation> violations = new ArrayList<>();
        long expected = expectedVersion(request.expectedVersion(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        String client = Callers.clientId(caller);
        if (!mayOverride(client)) {
            throw new InvalidInputException("review", "review-not-authorised", "only an authorised registrar may review");
        }
        return SubjectView.of(subjects.markReviewed(id, expected, client));
    }

    private static long expectedVersion(Long version, List<Violation> violations) {
        if (version == null) {
            violations.add(new Violation("expectedVersion", "required",
                    "expectedVersion (the version you read) is required for a change"));
            return -1;
        }
        return version;
    }

    private boolean mayOverride(String client) {
        return properties.overrideClients().contains(client);
    }

    /** Today in China: "born in the future" is judged there, not in UTC. */
    private LocalDate today() {
        return credit.platform.identifiers.ChinaTime.today(clock);
    }
}
