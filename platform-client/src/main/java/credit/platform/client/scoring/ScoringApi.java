package credit.platform.client.scoring;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** Scores and grades (scoring-service, via the gateway). */
public interface ScoringApi {

    /** The score now under the default model for the subject's kind. Needs scope {@code scoring.read}. */
    @GetMapping(path = "/api/v1/scores/{subjectId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ScoreView getScore(@PathVariable("subjectId") String subjectId);

    /**
     * The score now under a named model (e.g. {@code rongcheng-city-person}). Needs {@code scoring.read}.
     */
    @GetMapping(path = "/api/v1/scores/{subjectId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ScoreView getScore(@PathVariable("subjectId") String subjectId, @RequestParam("model") String modelId);

    /**
     * The score now under a model ({@code ""} for the default for the subject's kind), stating why
     * the caller looks ({@code X-Purpose}: ENFORCEMENT, LICENSING, PROCUREMENT, SUPERVISION,
     * OBJECTION_REVIEW or DATA_MAINTENANCE — the gateway requires it for reads of person data and
     * audits them). Needs {@code scoring.read}.
     */
    @GetMapping(path = "/api/v1/scores/{subjectId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ScoreView getScore(@PathVariable("subjectId") String subjectId, @RequestParam("model") String modelId,
            @RequestHeader("X-Purpose") String purpose);

    /**
     * The score as of a date ({@code 2026-05-01}: the end of that day, Asia/Shanghai) or instant,
     * from the score history, with the model version that computed it; {@code modelId} may be
     * {@code ""} for the default model. Needs {@code scoring.read}; {@code purpose} as above.
     */
    @GetMapping(path = "/api/v1/scores/{subjectId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ScoreView getScoreAsOf(@PathVariable("subjectId") String subjectId, @RequestParam("model") String modelId,
            @RequestParam("asOf") String asOf, @RequestHeader("X-Purpose") String purpose);

    /**
     * Every stored change of the subject's score (grade history), newest first, with its cause;
     * {@code modelId} may be {@code ""}. Needs {@code scoring.read}; {@code purpose} as above.
     */
    @GetMapping(path = "/api/v1/scores/{subjectId}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    ScoreHistoryView history(@PathVariable("subjectId") String subjectId, @RequestParam("model") String modelId,
            @RequestHeader("X-Purpose") String purpose);

    /** Every version of every model. Needs {@code scoring.read}. */
    @GetMapping(path = "/api/v1/scores/models", produces = MediaType.APPLICATION_JSON_VALUE)
    java.util.List<ScoringModelView> models();

    /**
     * Publishes a new model version (a definition shaped like the YAML seeds). Needs
     * {@code platform.admin}; an existing or older version is refused (409).
     */
    @PostMapping(path = "/api/v1/scores/models", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ScoringModelView publishModel(@RequestBody java.util.Map<String, Object> definition);

    /** Starts (or continues) the full recompute of a model's current version. Needs {@code platform.admin}. */
    @PostMapping(path = "/api/v1/scores/models/{modelId}/recompute", produces = MediaType.APPLICATION_JSON_VALUE)
    RecomputeView startRecompute(@PathVariable("modelId") String modelId);

    /** The progress of that recompute. Needs {@code platform.admin}. */
    @GetMapping(path = "/api/v1/scores/models/{modelId}/recompute", produces = MediaType.APPLICATION_JSON_VALUE)
    RecomputeView recomputeProgress(@PathVariable("modelId") String modelId);
}
