package credit.platform.scoring.score.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port to each subject's current grade under each model and the grade-change feed it announces: a grade
 * moves by compare-and-set, and the move carries its grade change in the same write, so two replicas
 * (or two threads) recomputing one subject move it once and announce it once, and a crash between the
 * move and the feed loses nothing.
 */
public interface GradeChanges {

    /** The subject's current grade under the model, empty when none is stored yet. */
    Optional<CurrentGrade> current(String subjectId, String modelId);

    /**
     * Moves the current grade from {@code expected} (empty: none stored yet) to the change's grade; when
     * the grade differs from {@code change.previousGrade()} the change is appended to the feed.
     *
     * @return false, writing nothing, when the stored grade is no longer {@code expected}
     */
    boolean move(Optional<CurrentGrade> expected, GradeChange change);

    /** Changes with a sequence greater than {@code sequence}, in order, at most {@code limit}. */
    List<GradeChange> after(long sequence, int limit);

    /** A stored current grade, as of the score it came from. */
    record CurrentGrade(String grade, int modelVersion, Instant computedAt) {
    }
}
