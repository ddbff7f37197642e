package credit.platform.scoring.score.adapter.rest;

import credit.platform.common.web.InvalidRequestException;
import credit.platform.common.web.Problems;
import credit.platform.scoring.score.adapter.rest.ScoreJson.ScoreView;
import credit.platform.scoring.score.domain.ModelNotApplicableException;
import credit.platform.scoring.score.domain.ScoreSubject;
import credit.platform.scoring.score.domain.SourceUnavailableException;
import credit.platform.scoring.score.domain.SubjectNotFoundException;
import credit.platform.scoring.score.domain.UnknownModelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST: a subject's score now, with its explanation. */
@RestController
@RequestMapping("/api/v1/scores")
class ScoreController {

    private static final Logger log = LoggerFactory.getLogger(ScoreController.class);

    private final ScoreSubject scoreSubject;

    ScoreController(ScoreSubject scoreSubject) {
        this.scoreSubject = scoreSubject;
    }

    @GetMapping("/{subjectId}")
    ScoreView get(@PathVariable String subjectId, @RequestParam(required = false) String model) {
        return ScoreView.of(scoreSubject.score(subjectId, model));
    }

    @ExceptionHandler(UnknownModelException.class)
    ProblemDetail unknownModel(UnknownModelException e) {
        return Problems.invalid(new InvalidRequestException("model", "known-model", e.getMessage()).violations());
    }

    @ExceptionHandler(SubjectNotFoundException.class)
    ProblemDetail notFound(SubjectNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "subject-not-found", "Subject not found", e.getMessage());
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
