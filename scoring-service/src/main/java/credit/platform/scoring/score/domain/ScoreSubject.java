package credit.platform.scoring.score.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Use cases on one subject's score: score it now (registry for its kind, lists for its records and
 * those of subjects related through the model's contagion rules), answer "as of" from the history,
 * and recompute the subjects a change affects. A computed score is stored in the history only when
 * it differs from the newest stored one; a changed grade is emitted as a {@link GradeChange}. When a
 * source is unavailable nothing is stored.
 */
public class ScoreSubject {

    private final SubjectDirectory subjects;
    private final RecordSource records;
    private final RelationshipSource relationships;
    private final PermitSource permits;
    private final ModelCatalogue models;
    private final ScoreHistory history;
    private final GradeChanges gradeChanges;
    private final Clock clock;

    /** Without a permit source: permit rules see no permits (every required permit counts as missing). */
    public ScoreSubject(SubjectDirectory subjects, RecordSource records, RelationshipSource relationships,
            ModelCatalogue models, ScoreHistory history, GradeChanges gradeChanges, Clock clock) {
        this(subjects, records, relationships, PermitSource.NONE, models, history, gradeChanges, clock);
    }

    public ScoreSubject(SubjectDirectory subjects, RecordSource records, RelationshipSource relationships,
            PermitSource permits, ModelCatalogue models, ScoreHistory history, GradeChanges gradeChanges, Clock clock) {
        this.subjects = subjects;
        this.records = records;
        this.relationships = relationships;
        this.permits = permits;
        this.models = models;
        this.history = history;
        this.gradeChanges = gradeChanges;
        this.clock = clock;
    }

    /** @param modelId the model to use, or {@code null}/blank for the default for the subject's kind */
    public Score score(String subjectId, String modelId) {
        return score(subjectId, modelId, "request");
    }

    /** As {@link #score(String, String)}, stored (when changed) with the given cause. */
    public Score score(String subjectId, String modelId, String cause) {
        ScoringModel model = modelFor(subjectId, modelId);
        Score score = compute(subjectId, model, clock.instant());
        record(score, cause);
        return score;
    }

    /** The newest stored score at or before {@code asOf}, with the model version it was computed by. */
    public Score scoreAsOf(String subjectId, String modelId, Instant asOf) {
        ScoringModel model = modelFor(subjectId, modelId);
        return history.latestAt(subjectId, model.id(), asOf).map(StoredScore::score)
                .orElseThrow(() -> new NoScoreOnRecordException("No score of subject " + subjectId + " under model "
                        + model.id() + " on record at or before " + asOf));
    }

    /** The stored history, newest first. */
    public List<StoredScore> history(String subjectId, String modelId, int limit) {
        ScoringModel model = modelFor(subjectId, modelId);
        return history.list(subjectId, model.id(), limit);
    }

    /**
     * Recomputes the subjects whose records changed and every subject linked to them by a model's
     * relationship rules, storing each changed score with the cause.
     *
     * @return the subjects recomputed
     */
    public Set<String> onRecordsChanged(Collection<String> changedSubjects, String cause) {
        Set<String> affected = new LinkedHashSet<>();
        for (String subjectId : changedSubjects) {
            affected.addAll(affectedBy(subjectId));
        }
        for (String subjectId : affected) {
            String why = changedSubjects.contains(subjectId) ? cause : cause + " (related subject)";
            recompute(subjectId, why);
        }
        return affected;
    }

    /** The subject itself and every subject whose model counts its records through a relationship. */
    public Set<String> affectedBy(String subjectId) {
        Set<String> affected = new LinkedHashSet<>();
        affected.add(subjectId);
        Set<Via> reach = new LinkedHashSet<>();
        for (ModelDefinition d : models.all()) {
            d.model().relations().forEach(v -> reach.add(v.reversed()));
        }
        Instant now = clock.instant();
        for (Via via : reach) {
            affected.addAll(relationships.related(subjectId, via, now));
        }
        return affected;
    }

    /** Recomputes with the default model for the subject's kind; an unknown subject is skipped. */
    public Optional<Score> recompute(String subjectId, String cause) {
        SubjectKind kind;
        try {
            kind = subjects.kindOf(subjectId);
        } catch (SubjectNotFoundException e) {
            return Optional.empty();
        }
        Optional<ScoringModel> model = models.defaultFor(kind);
        if (model.isEmpty()) {
            return Optional.empty();
        }
        Score score = compute(subjectId, model.get(), clock.instant());
        record(score, cause);
        return Optional.of(score);
    }

    /** Recomputes with the given model; a subject of another kind or unknown is skipped. */
    public Optional<Score> recomputeWith(String subjectId, ScoringModel model, String cause) {
        try {
            if (subjects.kindOf(subjectId) != model.subjectKind()) {
                return Optional.empty();
            }
        } catch (SubjectNotFoundException e) {
            return Optional.empty();
        }
        Score score = compute(subjectId, model, clock.instant());
        record(score, cause);
        return Optional.of(score);
    }

    Score compute(String subjectId, ScoringModel model, Instant at) {
        List<ListRecordFact> facts = new ArrayList<>(records.effectiveRecords(subjectId));
        for (Via via : model.relations()) {
            for (String related : relationships.related(subjectId, via, at)) {
                if (related.equals(subjectId)) {
                    continue;
                }
                for (ListRecordFact f : records.effectiveRecords(related)) {
                    facts.add(f.reaching(via, related));
                }
            }
        }
        return model.score(subjectId, facts, model.readsPermits() ? permits.permits(subjectId) : List.of(), at);
    }

    /** Stores the score when it differs from the newest stored one; emits a grade change. */
    boolean record(Score score, String cause) {
        Optional<StoredScore> previous = history.latest(score.subjectId(), score.modelId());
        if (previous.isPresent() && sameOutcome(previous.get().score(), score)) {
            return false;
        }
        history.append(score, cause);
        String before = previous.map(p -> p.score().grade()).orElse("");
        if (!before.equals(score.grade())) {
            gradeChanges.emit(new GradeChange(0, score.subjectId(), score.modelId(), score.modelVersion(), before,
                    score.grade(), score.computedAt(), cause));
        }
        return true;
    }

    private static boolean sameOutcome(Score a, Score b) {
        return a.modelVersion() == b.modelVersion() && a.points() == b.points() && a.grade().equals(b.grade())
                && a.contributions().equals(b.contributions());
    }

    private ScoringModel modelFor(String subjectId, String modelId) {
        ScoringModel requested = modelId == null || modelId.isBlank() ? null
                : models.find(modelId.strip()).orElseThrow(() -> new UnknownModelException(modelId.strip()));
        SubjectKind kind = subjects.kindOf(subjectId);
        ScoringModel model = requested != null ? requested : models.defaultFor(kind).orElseThrow(() ->
                new ModelNotApplicableException("No scoring model scores subjects of kind " + kind));
        if (model.subjectKind() != kind) {
            throw new ModelNotApplicableException("Model " + model.id() + " scores " + model.subjectKind()
                    + " subjects; subject " + subjectId + " is a " + kind);
        }
        return model;
    }
}
