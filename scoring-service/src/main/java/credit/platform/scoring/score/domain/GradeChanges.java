package credit.platform.scoring.score.domain;

import java.util.List;

/** Port to the grade-change feed: sequenced, read in sequence order. */
public interface GradeChanges {

    /** Stores the change under the next sequence and returns it with that sequence. */
    GradeChange emit(GradeChange change);

    /** Changes with a sequence greater than {@code sequence}, in order, at most {@code limit}. */
    List<GradeChange> after(long sequence, int limit);
}
