package credit.platform.client.scoring;

import java.time.Instant;
import java.util.List;

/** A subject's score, with every contribution that makes it up. */
public record ScoreView(String subjectId, String modelId, int modelVersion, long basePoints, long points,
        String grade, List<ContributionView> contributions, Instant computedAt) {
}
