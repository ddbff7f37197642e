package credit.platform.registry.subject.adapter.rest;

import credit.platform.common.web.FieldViolation;
import credit.platform.common.web.InvalidRequestException;
import credit.platform.common.web.Problems;
import credit.platform.registry.subject.adapter.rest.SubjectJson.CreateSubjectRequest;
import credit.platform.registry.subject.adapter.rest.SubjectJson.IdentifierDto;
import credit.platform.registry.subject.adapter.rest.SubjectJson.SubjectView;
import credit.platform.registry.subject.domain.Identifier;
import credit.platform.registry.subject.domain.IdentifierScheme;
import credit.platform.registry.subject.domain.IdentifierTakenException;
import credit.platform.registry.subject.domain.Identifiers;
import credit.platform.registry.subject.domain.InvalidIdentifierException;
import credit.platform.registry.subject.domain.NewSubject;
import credit.platform.registry.subject.domain.SubjectKind;
import credit.platform.registry.subject.domain.SubjectNotFoundException;
import credit.platform.registry.subject.domain.SubjectService;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST for agencies: register and look up subjects. */
@RestController
@RequestMapping("/api/v1/subjects")
class SubjectController {

    private final SubjectService subjects;
    private final Clock clock;

    SubjectController(SubjectService subjects, Clock clock) {
        this.subjects = subjects;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<SubjectView> create(@RequestBody CreateSubjectRequest request) {
        SubjectView created = SubjectView.of(subjects.register(validate(request)));
        return ResponseEntity.created(URI.create("/api/v1/subjects/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    SubjectView get(@PathVariable String id) {
        return SubjectView.of(subjects.get(id));
    }

    @GetMapping("/lookup")
    SubjectView lookup(@RequestParam String scheme, @RequestParam String value,
            @RequestParam(required = false) String issuingCountry) {
        IdentifierScheme parsed = enumValue(IdentifierScheme.class, scheme, "scheme", new ArrayList<>());
        if (parsed == null) {
            throw new InvalidRequestException("scheme", "enum", "scheme must be one of RESIDENT_ID, USCC, PASSPORT, FOREIGN_PERMANENT_RESIDENT_ID");
        }
        try {
            return SubjectView.of(subjects.resolve(Identifiers.parse(parsed, value, issuingCountry, today())));
        } catch (InvalidIdentifierException e) {
            throw new InvalidRequestException("value", e.rule(), e.getMessage());
        }
    }

    private NewSubject validate(CreateSubjectRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        SubjectKind kind = enumValue(SubjectKind.class, request.kind(), "kind", violations);
        if (request.name() == null || request.name().isBlank()) {
            violations.add(new FieldViolation("name", "required", "the subject's name is required"));
        }
        List<Identifier> identifiers = new ArrayList<>();
        if (request.identifiers() == null || request.identifiers().isEmpty()) {
            violations.add(new FieldViolation("identifiers", "required", "at least one identifier is required"));
        } else {
            for (int i = 0; i < request.identifiers().size(); i++) {
                IdentifierDto dto = request.identifiers().get(i);
                String field = "identifiers[" + i + "]";
                IdentifierScheme scheme = enumValue(IdentifierScheme.class, dto.scheme(), field + ".scheme", violations);
                if (scheme == null) {
                    continue;
                }
                try {
                    identifiers.add(Identifiers.parse(scheme, dto.value(), dto.issuingCountry(), today()));
                } catch (InvalidIdentifierException e) {
                    violations.add(new FieldViolation(field + ".value", e.rule(), e.getMessage()));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new NewSubject(kind, identifiers, request.name().strip(), request.latinName(), request.registrationRegion());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
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
                    + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
            return null;
        }
    }

    @ExceptionHandler(IdentifierTakenException.class)
    ProblemDetail taken(IdentifierTakenException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "identifier-taken", "Identifier already registered",
                e.getMessage());
        problem.setProperty("existingSubjectId", e.holder().id());
        return problem;
    }

    @ExceptionHandler(SubjectNotFoundException.class)
    ProblemDetail notFound(SubjectNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "subject-not-found", "Subject not found", e.getMessage());
    }
}
