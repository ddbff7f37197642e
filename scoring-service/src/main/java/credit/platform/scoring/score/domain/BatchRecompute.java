package credit.platform.scoring.score.domain;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Use case: recompute every subject a model version may score — every subject with a record on a
 * list and every subject already scored by the model — in subject-id order, saving progress every
 * {@code checkpointEvery} subjects. Idempotent (one job per model version; a finished job is not
 * run again; an unchanged score is not stored again) and resumable (an unfinished job continues
 * after the last subject it saved).
 */
public class BatchRecompute {

    private final ScoreSubject scores;
    private final ModelCatalogue models;
    private final RecordSource records;
    private final ScoreHistory history;
    private final RecomputeJobs jobs;
    private final Executor executor;
    private final Clock clock;
    private final int checkpointEvery;
    private final int parallelism;
    private final Map<String, Boolean> active = new ConcurrentHashMap<>();

    public BatchRecompute(ScoreSubject scores, ModelCatalogue models, RecordSource records, ScoreHistory history,
            RecomputeJobs jobs, Executor executor, Clock clock, int checkpointEvery) {
        this(scores, models, records, history, jobs, executor, clock, checkpointEvery, 1);
    }

    /**
     * @param parallelism how many subjects are recomputed at once; progress is saved only when a
     *                    whole chunk of {@code checkpointEvery} subjects is done, so "continue after
     *                    the last saved subject" stays exact
     */
    public BatchRecompute(ScoreSubject scores, ModelCatalogue models, RecordSource records, ScoreHistory history,
            RecomputeJobs jobs, Executor executor, Clock clock, int checkpointEvery, int parallelism) {
        this.scores = scores;
        this.models = models;
        this.records = records;
        this.history = history;
        this.jobs = jobs;
        this.executor = executor;
        this.clock = clock;
        this.checkpointEvery = checkpointEvery;
        this.parallelism = Math.max(1, parallelism);
    }

    /** Starts (or continues) the recompute of the model's version in effect now; returns the job. */
    public RecomputeJob start(String modelId) {
        ScoringModel model = models.find(modelId).orElseThrow(() -> new UnknownModelException(modelId));
        String id = model.id() + "@" + model.version();
        Optional<RecomputeJob> existing = jobs.find(id);
        if (existing.isPresent() && existing.get().state() == RecomputeJob.State.DONE) {
            return existing.get();
        }
        RecomputeJob job = existing.orElseGet(() -> new RecomputeJob(id, model.id(), model.version(),
                RecomputeJob.State.RUNNING, 0, 0, 0, "", clock.instant(), null));
        if (active.putIfAbsent(id, Boolean.TRUE) == null) {
            RecomputeJob running = new RecomputeJob(id, model.id(), model.version(), RecomputeJob.State.RUNNING,
                    job.total(), job.done(), job.changed(), job.lastSubjectId(), job.startedAt(), null);
            jobs.save(running);
            executor.execute(() -> {
                try {
                    run(running, model);
                } finally {
                    active.remove(id);
                }
            });
            return running;
        }
        return job;
    }

    public Optional<RecomputeJob> progress(String modelId) {
        ScoringModel model = models.find(modelId).orElseThrow(() -> new UnknownModelException(modelId));
        return jobs.find(model.id() + "@" + model.version());
    }

    /** Continues every job left unfinished (e.g. by a restart). */
    public void resumeUnfinished() {
        for (RecomputeJob job : jobs.unfinished()) {
            if (models.find(job.modelId(), job.modelVersion()).isPresent()
                    && models.find(job.modelId()).map(ScoringModel::version).orElse(-1) == job.modelVersion()) {
                start(job.modelId());
            }
        }
    }

    /** Runs the job to the end in the calling thread. */
    public RecomputeJob run(RecomputeJob job, ScoringModel model) {
        SortedSet<String> universe = new TreeSet<>(records.subjectsWithRecords());
        universe.addAll(history.subjectsScoredBy(model.id()));
        long total = universe.size();
        SortedSet<String> todo = job.lastSubjectId().isEmpty() ? universe : universe.tailSet(job.lastSubjectId() + "\0");
        long done = job.done();
        long changed = job.changed();
        String last = job.lastSubjectId();
        RecomputeJob current = new RecomputeJob(job.id(), job.modelId(), job.modelVersion(), RecomputeJob.State.RUNNING,
                total, done, changed, last, job.startedAt(), null);
        java.util.concurrent.ForkJoinPool pool = parallelism > 1 ? new java.util.concurrent.ForkJoinPool(parallelism) : null;
        try {
            java.util.List<String> chunk = new java.util.ArrayList<>(checkpointEvery);
            java.util.Iterator<String> it = todo.iterator();
            while (it.hasNext()) {
                chunk.clear();
                while (it.hasNext() && chunk.size() < checkpointEvery) {
                    chunk.add(it.next());
                }
                changed += recomputeChunk(chunk, model, "recompute " + job.id(), pool);
                done += chunk.size();
                last = chunk.getLast();
                current = current.progressed(done, changed, last);
                jobs.save(current);
            }
            current = new RecomputeJob(job.id(), job.modelId(), job.modelVersion(), RecomputeJob.State.DONE, total,
                    done, changed, last, job.startedAt(), clock.instant());
            jobs.save(current);
            return current;
        } catch (RuntimeException e) {
            // Progress up to the last checkpoint stays; starting the job again continues from there.
            current = current.progressed(done, changed, last);
            jobs.save(new RecomputeJob(current.id(), current.modelId(), current.modelVersion(),
                    RecomputeJob.State.FAILED, total, done, changed, last, current.startedAt(), null));
            throw e;
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
    }

    private long recomputeChunk(java.util.List<String> chunk, ScoringModel model, String cause,
            java.util.concurrent.ForkJoinPool pool) {
        java.util.function.ToLongFunction<String> one = subjectId -> {
            long before = history.latest(subjectId, model.id()).map(s -> s.score().points()).orElse(Long.MIN_VALUE);
            Optional<Score> score = scores.recomputeWith(subjectId, model, cause);
            return score.isPresent() && score.get().points() != before ? 1 : 0;
        };
        if (pool == null) {
            long changed = 0;
            for (String subjectId : chunk) {
                changed += one.applyAsLong(subjectId);
            }
            return changed;
        }
        try {
            return pool.submit(() -> chunk.parallelStream().mapToLong(one).sum()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("recompute interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
