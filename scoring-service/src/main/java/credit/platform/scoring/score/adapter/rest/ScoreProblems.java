package credit.platform.scoring.score.adapter.rest;

import credit.platform.common.web.InvalidRequestException;
import credit.platform.common.web.Problems;
import credit.platform.scoring.score.domain.InvalidModelException;
import credit.platform.scoring.score.domain.ModelNotApplicableException;
import credit.platform.scoring.score.domain.ModelVersionConflictException;
import credit.platform.scoring.score.domain.NoScoreOnRecordException;
import credit.platform.scoring.score.domain.SourceUnavailableException;
import credit.platform.scoring.score.domain.SubjectNotFoundException;
import credit.platform.scoring.score.domain.UnknownModelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * problem+json for the score routes — the agencies' ({@link ScoreController}) and a person's or company's own
 * ({@link SelfScoreController}): one mapping, so "no score", "not found" and "scoring's sources away" read
 * the same on both. The public grade keeps its own, narrower answers ({@link PublicGradeController}).
 * Ordered before platform-common's catch-all {@code CommonProblemHandler}.
 */
@Order(0)
@RestControllerAdvice(assignableTypes = {ScoreController.class, SelfScoreController.class})
class ScoreProblems {

    private static final Logger log = LoggerFactory.getLogger(ScoreProblems.class);

    @ExceptionHandler(InvalidModelException.class)
    ProblemDetail invalidModel(InvalidModelException e) {
        return Problems.invalid(new InvalidRequestException(e.field().isEmpty() ? "model" : e.field(), "valid-model",
                e.getMessage()).violations());
    }

    @ExceptionHandler(ModelVersionConflictException.class)
    ProblemDetail versionConflict(ModelVersionConflictException e) {
        return Problems.of(HttpStatus.CONFLICT, "model-version-exists", "Model version exists", e.getMessage());
    }

    @ExceptionHandler(UnknownModelException.class)
    ProblemDetail unknownModel(UnknownModelException e) {
        return Problems.invalid(new InvalidRequestException("model", "known-model", e.getMessage()).violations());
    }

    @ExceptionHandler(SubjectNotFoundException.class)
    ProblemDetail notFound(SubjectNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "subject-not-found", "Subject not found", e.getMessage());
    }

    @ExceptionHandler(NoScoreOnRecordException.class)
    ProblemDetail noScore(NoScoreOnRecordException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "no-score-on-record", "No score on record", e.getMessage());
    }

    @ExceptionHandler(ModelNotApplicableException.class)
    ProblemDetail notApplicable(ModelNotApplicableException e) {
        return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "model-not-applicable", "Model not applicable",
                e.getMessage());
    }

    @ExceptionHandler(SourceUnavailableException.class)
    ProblemDetail unavailable(SourceUnavailableException e) {
        log.warn("Score not computed: {} unavailable ({})", e.source(), e.getCause() == null ? "" : e.getCause().getMessage());
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "dependency-unavailable", "Service unavailable",
                "The " + e.source() + " service could not be reached; no score was computed. Try again later.");
    }
}
