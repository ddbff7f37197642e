package credit.platform.lists.selfservice.adapter.rest;

import credit.platform.common.web.FieldViolation;
import credit.platform.common.web.Problems;
import credit.platform.lists.application.domain.ApplicationNotFoundException;
import credit.platform.lists.application.domain.ApplicationStateException;
import credit.platform.lists.definition.domain.ListNotFoundException;
import credit.platform.lists.definition.domain.RuleViolationException;
import credit.platform.lists.record.domain.ConcurrentChangeException;
import credit.platform.lists.record.domain.ListOwnedElsewhereException;
import credit.platform.lists.record.domain.RecordNotFoundException;
import credit.platform.lists.record.domain.RecordStateException;
import credit.platform.lists.record.domain.RegistryUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * problem+json for the applications routes (agencies) and the public, self-service and desk routes: one mapping.
 * Ordered before platform-common's catch-all {@code CommonProblemHandler}.
 */
@Order(0)
@RestControllerAdvice(basePackages = {"credit.platform.lists.application.adapter.rest",
        "credit.platform.lists.selfservice.adapter.rest"})
class SelfServiceProblems {

    @ExceptionHandler(RuleViolationException.class)
    ProblemDetail ruleBroken(RuleViolationException e) {
        return Problems.invalid(e.violations().stream()
                .map(v -> new FieldViolation(v.field(), v.rule(), v.message())).toList());
    }

    @ExceptionHandler({ListNotFoundException.class, RecordNotFoundException.class, ApplicationNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(ListOwnedElsewhereException.class)
    ProblemDetail ownedElsewhere(ListOwnedElsewhereException e) {
        ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "decided-elsewhere", "Forbidden",
                "only " + e.owner() + " decides here");
        problem.setProperty("owner", e.owner());
        return problem;
    }

    @ExceptionHandler(RecordStateException.class)
    ProblemDetail recordState(RecordStateException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "record-status", "Conflict", e.getMessage());
        problem.setProperty("status", e.status().name());
        return problem;
    }

    @ExceptionHandler({ApplicationStateException.class, ConcurrentChangeException.class})
    ProblemDetail applicationState(RuntimeException e) {
        return Problems.of(HttpStatus.CONFLICT, "application-status", "Conflict", e.getMessage());
    }

    @ExceptionHandler(RegistryUnavailableException.class)
    ProblemDetail registryUnavailable(RegistryUnavailableException e) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "registry-unavailable", "Service unavailable",
                "The registry could not be reached; nothing was written. Try again later.");
    }
}
