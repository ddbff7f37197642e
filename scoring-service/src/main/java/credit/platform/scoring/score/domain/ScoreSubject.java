package credit.platform.scoring.score.domain;

import java.time.Clock;
import java.util.List;

/**
 * Use case: score a subject now. Reads the subject's kind (registry) and its records (lists),
 * computes with the requested or the default model for the kind, appends the score to the history
 * and returns it. When a source is unavailable nothing is stored.
 */
public class ScoreSubject {

    private final SubjectDirectory subjects;
    private final RecordSource records;
    private final ModelCatalogue models;
    private final ScoreHistory history;
    private final Clock clock;

    public ScoreSubject(SubjectDirectory subjects, RecordSource records, ModelCatalogue models, ScoreHistory history,
            Clock clock) {
        this.subjects = subjects;
        this.records = records;
        this.models = models;
        this.history = history;
        this.clock = clock;
    }

    /** @param modelId the model to use, or {@code null}/blank for the default for the subject's kind */
    public Score score(String subjectId, String modelId) {
        ScoringModel requested = modelId == null || modelId.isBlank() ? null
                : models.find(modelId.strip()).orElseThrow(() -> new UnknownModelException(modelId.strip()));
        SubjectKind kind = subjects.kindOf(subjectId);
        ScoringModel model = requested != null ? requested : models.defaultFor(kind).orElseThrow(() ->
                new ModelNotApplicableException("No scoring model scores subjects of kind " + kind));
        if (model.subjectKind() != kind) {
            throw new ModelNotApplicableException("Model " + model.id() + " scores " + model.subjectKind()
                    + " subjects; subject " + subjectId + " is a " + kind);
        }
        List<ListRecordFact> facts = records.effectiveRecords(subjectId);
        Score score = model.score(subjectId, facts, clock.instant());
        history.append(score);
        return score;
    }
}
