package credit.platform.scoring.score.adapter.rest;

import credit.platform.common.web.InvalidRequestException;
import credit.platform.common.web.Problems;
import credit.platform.scoring.score.domain.InvalidUsccException;
import credit.platform.scoring.score.domain.PublicGrades;
import credit.platform.scoring.score.domain.SourceUnavailableException;
import credit.platform.scoring.score.domain.SubjectNotFoundException;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public grade of a legal entity by its unified social credit code: grade, model and version,
 * the instant — nothing else (no points, contributions, record ids or name). A code held by a person
 * or a government body, or by nobody, is the same 404: a person's score is never public.
 */
@RestController
class PublicGradeController {

    static final String PATH = "/api/v1/scores/public/companies/{uscc}/grade";

    record PublicGradeView(String uscc, String grade, String modelId, int modelVersion, Instant asOf) {
    }

    private final PublicGrades grades;

    PublicGradeController(PublicGrades grades) {
        this.grades = grades;
    }

    @GetMapping(PATH)
    PublicGradeView grade(@PathVariable String uscc) {
        var g = grades.gradeOf(uscc.strip().toUpperCase(java.util.Locale.ROOT));
        return new PublicGradeView(uscc.strip().toUpperCase(java.util.Locale.ROOT), g.grade(), g.modelId(),
                g.modelVersion(), g.asOf());
    }

    @ExceptionHandler(SubjectNotFoundException.class)
    ProblemDetail notFound(SubjectNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "company-not-found", "Company not found",
                "No legal entity with this unified social credit code has a public grade.");
    }

    @ExceptionHandler(InvalidUsccException.class)
    ProblemDetail invalid(InvalidUsccException e) {
        return Problems.invalid(new InvalidRequestException("uscc", e.rule(), e.getMessage()).violations());
    }

    @ExceptionHandler(SourceUnavailableException.class)
    ProblemDetail unavailable(SourceUnavailableException e) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "dependency-unavailable", "Service unavailable",
                "The " + e.source() + " service could not be reached. Try again later.");
    }
}
