package credit.platform.client.scoring;

import java.time.Instant;
import java.util.List;

/** A subject's stored score changes (grade history), newest first, each with its cause. */
public record ScoreHistoryView(String subjectId, List<Entry> entries) {

    public record Entry(String modelId, int modelVersion, long points, String grade, String cause,
            Instant computedAt, List<ContributionView> contributions) {
    }
}
