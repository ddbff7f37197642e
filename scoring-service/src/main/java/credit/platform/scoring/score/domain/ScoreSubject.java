package credit.platform.scoring.score.domain;

import java.time.Clock;
import java.time.Duration;
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
    private final ScoreSchedule schedule;
    private final Clock clock;

    /** How long a claim on a due schedule entry holds before another replica may take it over. */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(5);
    /** At most this many time-driven steps are caught up inline before an event's own recompute. */
    static final int MAX_CATCH_UP = 100;

    /** Without a permit source: permit rules see no permits (every required permit counts as missing). */
    public ScoreSubject(SubjectDirectory subjects, RecordSource records, RelationshipSource relationships,
            ModelCatalogue models, ScoreHistory history, GradeChanges gradeChanges, Clock clock) {
        this(subjects, records, relationships, PermitSource.NONE, models, history, gradeChanges, clock);
    }

    public ScoreSubject(SubjectDirectory subjects, RecordSource records, RelationshipSource relationships,
            PermitSource permits, ModelCatalogue models, ScoreHistory history, GradeChanges gradeChanges, Clock clock) {
        this(subjects, records, relationships, permits, models, history, gradeChanges, ScoreSchedule.NONE, clock);
    }

    /** With a schedule of time-driven changes (see {@link #advance}). */
    public ScoreSubject(SubjectDirectory subjects, RecordSource records, RelationshipSource relationships,
            PermitSource permits, ModelCatalogue models, ScoreHistory history, GradeChanges gradeChanges,
            ScoreSchedule schedule, Clock clock) {
        this.schedule = schedule;
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
        return scoreAndRecord(subjectId, model, cause);
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
        return Optional.of(scoreAndRecord(subjectId, model.get(), cause));
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
        return Optional.of(scoreAndRecord(subjectId, model, cause));
    }

    /**
     * Scores now and stores the score when changed. Time-driven changes already due for the subject
     * are stored first, stamped with their own instants, so that the history stays in order and an
     * event does not hide the lapse or decay step that came before it. Then the next time-driven
     * change is planned from the facts just read.
     */
    private Score scoreAndRecord(String subjectId, ScoringModel model, String cause) {
        Instant now = clock.instant();
        Optional<ScoreSchedule.Due> planned = catchUp(subjectId, model.id(), now);
        Facts facts = facts(subjectId, model, now);
        Score score = model.score(subjectId, facts.records(), facts.permits(), now);
        record(score, cause);
        Optional<NextChange> next = nextChange(model, facts, now);
        // Write only when the plan changes: a batch recompute of unchanged subjects costs one read.
        if (planned.isEmpty() || !Optional.ofNullable(planned.get().at())
                .map(at -> new NextChange(at, planned.get().what())).equals(next)) {
            schedule.plan(subjectId, model.id(), next.orElse(null), now);
        }
        return score;
    }

    /** Stores the changes already due; returns the subject's plan as it then stands. */
    private Optional<ScoreSchedule.Due> catchUp(String subjectId, String modelId, Instant now) {
        Optional<ScoreSchedule.Due> planned = schedule.find(subjectId, modelId);
        for (int i = 0; i < MAX_CATCH_UP && planned.isPresent() && planned.get().at() != null
                && !planned.get().at().isAfter(now); i++) {
            if (!advance(planned.get(), now)) {
                break;
            }
            planned = schedule.find(subjectId, modelId);
        }
        return planned;
    }

    /**
     * Recomputes a subject whose schedule entry is due, as of the entry's instant (the instant the
     * change happened, not when this runs), stores a changed score with the cause
     * {@code time: <what> at <instant>} (and a changed grade as a grade change), and plans the
     * next change. The entry is claimed first (compare-and-set on its instant), so two runs or two
     * replicas store it once. When the history already holds a later score (an event was scored
     * after the due instant), nothing is back-dated: only the next change is planned.
     *
     * @return false when another run holds or has moved the entry
     * @throws SourceUnavailableException when a source is down (the entry stays due)
     */
    public boolean advance(ScoreSchedule.Due due, Instant now) {
        Optional<String> token = schedule.claim(due, now, CLAIM_LEASE);
        if (token.isEmpty()) {
            return false;
        }
        try {
            Optional<ScoringModel> found = modelAt(due.modelId(), due.at());
            if (found.isEmpty()) {
                schedule.release(due, token.get(), null);
                return true;
            }
            ScoringModel model = found.get();
            Instant at = due.at();
            Optional<StoredScore> latest = history.latest(due.subjectId(), due.modelId());
            if (latest.isPresent() && latest.get().score().computedAt().isAfter(at)) {
                at = latest.get().score().computedAt();
                model = modelAt(due.modelId(), at).orElse(model);
                Facts facts = facts(due.subjectId(), model, at);
                schedule.release(due, token.get(), nextChange(model, facts, at).orElse(null));
                return true;
            }
            Facts facts = facts(due.subjectId(), model, at);
            Score score = model.score(due.subjectId(), facts.records(), facts.permits(), at);
            record(score, "time: " + due.what() + " at " + at);
            schedule.release(due, token.get(), nextChange(model, facts, at).orElse(null));
            return true;
        } catch (RuntimeException e) {
            schedule.release(due, token.get(), new NextChange(due.at(), due.what()));
            throw e;
        }
    }

    /** The facts a model scores a subject on: own and related records, and permits when it reads them. */
    private record Facts(List<ListRecordFact> records, List<PermitFact> permits) {
    }

    private Facts facts(String subjectId, ScoringModel model, Instant at) {
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
        return new Facts(facts, model.readsPermits() ? permits.permits(subjectId) : List.of());
    }

    /** The model's own next change, or the next version of the model taking effect, whichever is first. */
    private Optional<NextChange> nextChange(ScoringModel model, Facts facts, Instant at) {
        NextChange.Earliest next = new NextChange.Earliest(at);
        next.offer(model.nextChangeAfter(facts.records(), facts.permits(), at));
        for (ModelDefinition d : models.all()) {
            ScoringModel other = d.model();
            if (other.id().equals(model.id()) && other.effectiveFrom() != null && other.effectiveFrom().isAfter(at)
                    && modelAt(model.id(), other.effectiveFrom()).map(ScoringModel::version).orElse(0)
                            != model.version()) {
                int takingOver = modelAt(model.id(), other.effectiveFrom()).get().version();
                next.offer(other.effectiveFrom(), "model " + model.id() + " v" + takingOver + " takes effect");
            }
        }
        return next.result();
    }

    /** The version of the model in effect at the instant: the highest whose effectiveFrom is not after it. */
    private Optional<ScoringModel> modelAt(String modelId, Instant at) {
        ScoringModel effective = null;
        ScoringModel first = null;
        for (ModelDefinition d : models.all()) {
            ScoringModel m = d.model();
            if (!m.id().equals(modelId)) {
                continue;
            }
            if (first == null || m.version() < first.version()) {
                first = m;
            }
            if ((m.effectiveFrom() == null || !m.effectiveFrom().isAfter(at))
                    && (effective == null || m.version() > effective.version())) {
                effective = m;
            }
        }
        return Optional.ofNullable(effective != null ? effective : first);
    }

    Score compute(String subjectId, ScoringModel model, Instant at) {
        Facts facts = facts(subjectId, model, at);
        return model.score(subjectId, facts.records(), facts.permits(), at);
    }

    /** Moves of one subject's grade that lost a compare-and-set to another writer, retried at most this often. */
    static final int MAX_GRADE_MOVES = 20;

    /**
     * Stores the score when it differs from the newest stored one, and moves the current grade when it
     * changed (compare-and-set, announced on the grade-change feed in the same write). The grade moves
     * first: a crash before the history entry is healed by the next computation, which finds the grade
     * current and appends the entry. A computation older than the stored grade's is stale and stores
     * nothing.
     */
    boolean record(Score score, String cause) {
        for (int attempt = 1; ; attempt++) {
            Optional<StoredScore> previous = history.latest(score.subjectId(), score.modelId());
            Optional<GradeChanges.CurrentGrade> current = gradeChanges.current(score.subjectId(), score.modelId());
            if (current.isPresent() && current.get().computedAt().isAfter(score.computedAt())) {
                return false;
            }
            boolean scoreSame = previous.isPresent() && sameOutcome(previous.get().score(), score);
            boolean gradeSame = current.isPresent() && current.get().grade().equals(score.grade());
            if (scoreSame && gradeSame) {
                return false;
            }
            if (!gradeSame) {
                String before = current.map(GradeChanges.CurrentGrade::grade)
                        .orElse(previous.map(p -> p.score().grade()).orElse(""));
                GradeChange change = new GradeChange(0, score.subjectId(), score.modelId(), score.modelVersion(), before,
                        score.grade(), score.computedAt(), cause);
                if (!gradeChanges.move(current, change)) {
                    if (attempt >= MAX_GRADE_MOVES) {
                        throw new IllegalStateException("the grade of a subject kept moving under " + attempt
                                + " attempts to store a score");
                    }
                    continue; // another writer moved it first: read again
                }
            }
            if (!scoreSame) {
                history.append(score, cause);
            }
            return true;
        }
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
