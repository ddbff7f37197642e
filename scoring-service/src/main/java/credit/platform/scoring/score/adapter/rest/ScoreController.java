package credit.platform.scoring.score.adapter.rest;

import credit.platform.common.web.InvalidRequestException;
import credit.platform.scoring.score.adapter.rest.ScoreJson.HistoryEntryView;
import credit.platform.scoring.score.adapter.rest.ScoreJson.HistoryView;
import credit.platform.scoring.score.adapter.rest.ScoreJson.ModelView;
import credit.platform.scoring.score.adapter.rest.ScoreJson.RecomputeView;
import credit.platform.scoring.score.adapter.rest.ScoreJson.ScoreView;
import credit.platform.scoring.score.domain.BatchRecompute;
import credit.platform.scoring.score.domain.ModelCatalogue;
import credit.platform.scoring.score.domain.ModelDefinition;
import credit.platform.scoring.score.domain.ScoreSubject;
import credit.platform.scoring.score.domain.TimeDrivenRecompute;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST: a subject's score now or as of a date (from the history), its history, the models (read;
 * publish a new version) and full recomputes of a model version.
 */
@RestController
@RequestMapping("/api/v1/scores")
class ScoreController {

    private static final Logger log = LoggerFactory.getLogger(ScoreController.class);

    private final ScoreSubject scoreSubject;
    private final ModelCatalogue models;
    private final BatchRecompute batch;
    private final TimeDrivenRecompute timeDriven;
    private final Clock clock;

    ScoreController(ScoreSubject scoreSubject, ModelCatalogue models, BatchRecompute batch,
            TimeDrivenRecompute timeDriven, Clock clock) {
        this.timeDriven = timeDriven;
        this.scoreSubject = scoreSubject;
        this.models = models;
        this.batch = batch;
        this.clock = clock;
    }

    /**
     * @param asOf an ISO date (the grade at the end of that day, Asia/Shanghai) or instant; the
     *             answer then comes from the history, with the model version it was computed by
     */
    @GetMapping("/{subjectId}")
    ScoreView get(@PathVariable String subjectId, @RequestParam(required = false) String model,
            @RequestParam(required = false) String asOf) {
        if (asOf != null && !asOf.isBlank()) {
            return ScoreView.of(scoreSubject.scoreAsOf(subjectId, model, parseAsOf(asOf)));
        }
        return ScoreView.of(scoreSubject.score(subjectId, model));
    }

    @GetMapping("/{subjectId}/history")
    HistoryView history(@PathVariable String subjectId, @RequestParam(required = false) String model,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidRequestException("limit", "range", "limit is 1 to 1000");
        }
        return new HistoryView(subjectId,
                scoreSubject.history(subjectId, model, limit).stream().map(HistoryEntryView::of).toList());
    }

    @GetMapping("/models")
    List<ModelView> models() {
        return models.all().stream().map(ModelView::of).toList();
    }

    /** A new model version (platform.admin); the stored versions are never changed. */
    @PostMapping("/models")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "application/json",
            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ModelDefinitionShape.class)))
    ResponseEntity<ModelView> publish(@RequestBody Map<String, Object> definition) {
        ModelDefinition parsed = ModelDefinition.parse(definition);
        if (parsed.model().effectiveFrom() == null && models.find(parsed.model().id()).isPresent()) {
            Map<String, Object> withStart = new java.util.LinkedHashMap<>(definition);
            withStart.put("effectiveFrom", clock.instant().toString());
            parsed = ModelDefinition.parse(withStart);
        }
        ModelDefinition stored = models.publish(parsed, clock.instant());
        timeDriven.onModelPublished(stored);
        log.info("Scoring model {} published through the API", stored.key());
        return ResponseEntity.status(HttpStatus.CREATED).body(ModelView.of(stored));
    }

    @PostMapping("/models/{modelId}/recompute")
    ResponseEntity<RecomputeView> recompute(@PathVariable String modelId) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(RecomputeView.of(batch.start(modelId)));
    }

    @GetMapping("/models/{modelId}/recompute")
    ResponseEntity<RecomputeView> progress(@PathVariable String modelId) {
        return batch.progress(modelId).map(j -> ResponseEntity.ok(RecomputeView.of(j)))
                .orElse(ResponseEntity.notFound().build());
    }

    static Instant parseAsOf(String asOf) {
        try {
            if (asOf.length() == 10) {
                return LocalDate.parse(asOf).plusDays(1).atStartOfDay(ModelDefinition.CHINA).toInstant()
                        .minusNanos(1);
            }
            return Instant.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("asOf", "iso-date-or-instant",
                    "asOf is an ISO date (2026-05-01) or instant (2026-05-01T08:00:00Z)");
        }
    }
}
