package credit.platform.scoring.score.adapter.rest;

import credit.platform.scoring.score.domain.Contribution;
import credit.platform.scoring.score.domain.Score;
import java.time.Instant;
import java.util.List;

/** The REST shapes of scores (the platform-client SDK mirrors them). */
final class ScoreJson {

    private ScoreJson() {
    }

    record ContributionView(String ruleId, String sourceRef, long points, String description) {
        static ContributionView of(Contribution c) {
            return new ContributionView(c.ruleId(), c.sourceRef(), c.points(), c.description());
        }
    }

    record ScoreView(String subjectId, String modelId, int modelVersion, long basePoints, long points, String grade,
            List<ContributionView> contributions, Instant computedAt) {
        static ScoreView of(Score s) {
            return new ScoreView(s.subjectId(), s.modelId(), s.modelVersion(), s.basePoints(), s.points(), s.grade(),
                    s.contributions().stream().map(ContributionView::of).toList(), s.computedAt());
        }
    }
}
