package credit.platform.sanctions.travel.adapter.rest;

import credit.platform.common.web.FieldViolation;
import credit.platform.common.web.Problems;
import credit.platform.sanctions.travel.adapter.rest.TravelCheckJson.DocumentDto;
import credit.platform.sanctions.travel.adapter.rest.TravelCheckJson.TravelCheckRequest;
import credit.platform.sanctions.travel.adapter.rest.TravelCheckJson.TravelCheckView;
import credit.platform.sanctions.travel.domain.CheckTravel;
import credit.platform.sanctions.travel.domain.DocumentScheme;
import credit.platform.sanctions.travel.domain.InvalidTravelCheckException;
import credit.platform.sanctions.travel.domain.ServiceClass;
import credit.platform.sanctions.travel.domain.SourceUnavailableException;
import credit.platform.sanctions.travel.domain.TravelCheck;
import credit.platform.sanctions.travel.domain.TravelMode;
import credit.platform.sanctions.travel.domain.Violation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST: one travel check. Logs carry the decision, mode and decision reference only — never the
 * name, the document number or the request body.
 */
@RestController
@RequestMapping("/api/v1/travel-checks")
class TravelCheckController {

    private static final Logger log = LoggerFactory.getLogger(TravelCheckController.class);

    private final CheckTravel checkTravel;

    TravelCheckController(CheckTravel checkTravel) {
        this.checkTravel = checkTravel;
    }

    @PostMapping
    TravelCheckView check(@RequestBody TravelCheckRequest request) {
        var result = checkTravel.check(validate(request));
        if (result.decision().denied()) {
            log.info("Travel check DENY {} ({})", result.decisionReference(), result.decision().reasonCode());
        }
        return TravelCheckView.of(result);
    }

    private static TravelCheck validate(TravelCheckRequest r) {
        List<Violation> violations = new ArrayList<>();
        DocumentDto document = r.document() == null ? new DocumentDto(null, null, null) : r.document();
        DocumentScheme scheme = enumValue(DocumentScheme.class, document.scheme(), "document.scheme", violations);
        TravelMode mode = enumValue(TravelMode.class, r.mode(), "mode", violations);
        ServiceClass serviceClass = enumValue(ServiceClass.class, r.serviceClass(), "serviceClass", violations);
        Instant departure = null;
        if (r.departure() != null && !r.departure().isBlank()) {
            try {
                departure = OffsetDateTime.parse(r.departure().strip()).toInstant();
            } catch (DateTimeParseException e) {
                violations.add(new Violation("departure", "date-time",
                        "departure must be an ISO-8601 date-time with offset, e.g. 2026-05-01T08:30:00+08:00"));
            }
        }
        try {
            TravelCheck check = TravelCheck.of(r.passengerRef(), scheme, document.value(), document.issuingCountry(),
                    mode, serviceClass, r.trainNumber(), departure);
            if (!violations.isEmpty()) {
                throw new InvalidTravelCheckException(violations);
            }
            return check;
        } catch (InvalidTravelCheckException e) {
            // Report each field once: the enum parsing above already named the missing ones.
            List<Violation> all = new ArrayList<>(violations);
            e.violations().stream()
                    .filter(v -> all.stream().noneMatch(a -> a.field().equals(v.field())))
                    .forEach(all::add);
            throw new InvalidTravelCheckException(all);
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String raw, String field, List<Violation> violations) {
        if (raw == null || raw.isBlank()) {
            return null; // "required" is the domain's to say
        }
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(field, "enum", field + " must be one of "
                    + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
            return null;
        }
    }

    @ExceptionHandler(InvalidTravelCheckException.class)
    ProblemDetail invalid(InvalidTravelCheckException e) {
        return Problems.invalid(e.violations().stream()
                .map(v -> new FieldViolation(v.field(), v.rule(), v.message())).toList());
    }

    /**
     * Fail closed: 503, never a guessed ALLOW. The ticketing system applies its documented
     * fallback (e.g. hold the sale and retry, or manual check at the counter).
     */
    @ExceptionHandler(SourceUnavailableException.class)
    ProblemDetail unavailable(SourceUnavailableException e) {
        log.warn("Travel check not decided: {} unavailable", e.source());
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "dependency-unavailable",
                "Service unavailable", "The " + e.source() + " service could not be reached; no decision was made. "
                        + "Apply your documented fallback and retry later.");
        return problem;
    }
}
