package credit.platform.scoring.score.domain;

import java.time.Instant;

/**
 * A full recompute of one model version over every subject it may score. Its id is
 * {@code <modelId>@<version>}: starting it again for the same version returns the same job
 * (idempotent); an unfinished one continues after {@code lastSubjectId} (resumable).
 */
public record RecomputeJob(String id, String modelId, int modelVersion, State state, long total, long done,
        long changed, String lastSubjectId, Instant startedAt, Instant finishedAt) {

    public enum State { RUNNING, DONE, FAILED }

    public RecomputeJob progressed(long done, long changed, String lastSubjectId) {
        return new RecomputeJob(id, modelId, modelVersion, State.RUNNING, total, done, changed, lastSubjectId,
                startedAt, null);
    }
}
