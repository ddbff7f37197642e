package credit.platform.sanctions.enforcement.adapter.rest;

import credit.platform.common.security.RestRoute;
import credit.platform.common.web.FieldViolation;
import credit.platform.common.web.InvalidRequestException;
import credit.platform.common.web.Problems;
import credit.platform.sanctions.enforcement.domain.AppliedMeasure;
import credit.platform.sanctions.enforcement.domain.CheckEligibility;
import credit.platform.identifiers.ChinaTime;
import credit.platform.identifiers.IdentifierScheme;
import credit.platform.identifiers.InvalidIdentifierException;
import credit.platform.sanctions.enforcement.domain.IndexNotCurrentException;
import credit.platform.sanctions.enforcement.domain.SubjectKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST eligibility: which measures and rewards apply to a subject on a date (procurement bid,
 * licence application). {@code POST /api/v1/eligibility-checks}, scope {@code eligibility.check}.
 */
@RestController
class EligibilityController {

    private final CheckEligibility eligibility;
    private final java.time.Clock clock;

    EligibilityController(CheckEligibility eligibility, java.time.Clock clock) {
        this.eligibility = eligibility;
        this.clock = clock;
    }

    record SubjectDto(String type, String number, String country) {
        @Override
        public String toString() {
            return "SubjectDto[" + type + ", number=(withheld)]";
        }
    }

    record EligibilityRequest(SubjectDto subject, String date) {
    }

    record MeasureView(String measure, String code, String authority, String recordRef, String appeal, String capacity) {
        static MeasureView of(AppliedMeasure m) {
            return new MeasureView(m.measure(), m.code(), m.authority(), m.recordRef(), m.appeal(),
                    m.capacity().isEmpty() ? null : m.capacity());
        }
    }

    record EligibilityView(List<MeasureView> measures, List<MeasureView> rewards, long asOfSequence, String asOfTime,
            boolean stale) {
    }

    @PostMapping("/api/v1/eligibility-checks")
    EligibilityView check(@RequestBody EligibilityRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        SubjectDto s = request == null || request.subject() == null ? new SubjectDto(null, null, null) : request.subject();
        IdentifierScheme scheme = IdentifierScheme.of(s.type()).orElse(null);
        if (scheme == null) {
            violations.add(new FieldViolation("subject.type", "enum",
                    "subject.type must be one of RESIDENT_ID, PASSPORT, FOREIGN_PERMANENT_RESIDENT_ID, USCC"));
        }
        if (s.number() == null || s.number().isBlank()) {
            violations.add(new FieldViolation("subject.number", "required", "subject.number is required"));
        }
        Instant at = null;
        if (request != null && request.date() != null && !request.date().isBlank()) {
            try {
                at = ChinaTime.startOf(LocalDate.parse(request.date().strip()));
            } catch (DateTimeParseException e) {
                violations.add(new FieldViolation("date", "date", "date must be an ISO-8601 date, e.g. 2026-05-01"));
            }
        }
        SubjectKey subject = null;
        if (scheme != null && s.number() != null && !s.number().isBlank()) {
            try {
                subject = SubjectKey.parse(scheme, s.number(), s.country(), ChinaTime.today(clock));
            } catch (InvalidIdentifierException e) {
                violations.add(new FieldViolation("issuingCountry".equals(e.field()) ? "subject.country" : "subject.number",
                        e.rule(), e.getMessage()));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        var result = eligibility.check(subject, at);
        return new EligibilityView(result.sanctions().stream().map(MeasureView::of).toList(),
                result.rewards().stream().map(MeasureView::of).toList(), result.asOf().sequence(),
                result.asOf().time().toString(), result.asOf().stale());
    }

    @ExceptionHandler(IndexNotCurrentException.class)
    ProblemDetail notCurrent(IndexNotCurrentException e) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "index-not-current", "Service unavailable",
                "The enforcement index is not current; no answer was made. Retry later.");
    }

    @Configuration(proxyBeanMethods = false)
    static class Routes {
        @Bean
        RestRoute eligibilityChecks() {
            return RestRoute.post("/api/v1/eligibility-checks", "eligibility.check");
        }
    }
}
