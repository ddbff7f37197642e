package credit.platform.scoring.score.domain;

import java.time.Instant;

/**
 * A subject's grade under a model changed (emitted for consumers such as the sanctions service).
 *
 * @param previousGrade {@code ""} for the subject's first grade under the model
 */
public record GradeChange(long sequence, String subjectId, String modelId, int modelVersion, String previousGrade,
        String grade, Instant occurredAt, String cause) {
}
