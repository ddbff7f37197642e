package credit.platform.scoring.score.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * Port to the score history: every change of a subject's score under a model, appended with its
 * cause (one document per entry, never updated).
 */
public interface ScoreHistory {

    void append(Score score, String cause);

    /** The newest entry for the subject under the model (any version). */
    Optional<StoredScore> latest(String subjectId, String modelId);

    /** The newest entry computed at or before the instant. */
    Optional<StoredScore> latestAt(String subjectId, String modelId, Instant at);

    /** The newest entries first, at most {@code limit}. */
    List<StoredScore> list(String subjectId, String modelId, int limit);

    /** Every subject that has an entry under the model, sorted. */
    SortedSet<String> subjectsScoredBy(String modelId);
}
