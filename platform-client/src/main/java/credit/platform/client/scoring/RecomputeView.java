package credit.platform.client.scoring;

import java.time.Instant;

/** A full recompute of one model version: state (RUNNING, DONE, FAILED) and progress. */
public record RecomputeView(String jobId, String modelId, int modelVersion, String state, long total, long done,
        long changed, Instant startedAt, Instant finishedAt) {
}
