package credit.platform.registry.subject.adapter.rest;

import credit.platform.common.web.FieldViolation;
import credit.platform.common.web.Problems;
import credit.platform.registry.relationship.domain.RelationshipConflictException;
import credit.platform.registry.relationship.domain.RelationshipNotFoundException;
import credit.platform.registry.subject.domain.IdentifierTakenException;
import credit.platform.registry.subject.domain.InvalidInputException;
import credit.platform.registry.subject.domain.SubjectNotFoundException;
import credit.platform.registry.subject.domain.VersionConflictException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The registry's domain errors as problem+json (for every registry controller). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegistryProblemHandler {

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return Problems.invalid(e.violations().stream()
                .map(v -> new FieldViolation(v.field(), v.rule(), v.message())).toList());
    }

    @ExceptionHandler(IdentifierTakenException.class)
    ProblemDetail taken(IdentifierTakenException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "identifier-taken", "Identifier already registered",
                e.getMessage());
        problem.setProperty("existingSubjectId", e.holder().id());
        return problem;
    }

    @ExceptionHandler(VersionConflictException.class)
    ProblemDetail versionConflict(VersionConflictException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "version-conflict", "Subject changed meanwhile",
                e.getMessage());
        problem.setProperty("currentVersion", e.currentVersion());
        return problem;
    }

    @ExceptionHandler(RelationshipConflictException.class)
    ProblemDetail relationshipConflict(RelationshipConflictException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "relationship-conflict", "Relationship conflict",
                e.getMessage());
        problem.setProperty("existingRelationshipId", e.existingRelationshipId());
        return problem;
    }

    @ExceptionHandler(SubjectNotFoundException.class)
    ProblemDetail notFound(SubjectNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "subject-not-found", "Subject not found", e.getMessage());
    }

    @ExceptionHandler(RelationshipNotFoundException.class)
    ProblemDetail relationshipNotFound(RelationshipNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "relationship-not-found", "Relationship not found", e.getMessage());
    }
}
