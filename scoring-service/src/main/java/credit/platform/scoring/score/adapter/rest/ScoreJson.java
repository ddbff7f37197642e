package credit.platform.scoring.score.adapter.rest;

import credit.platform.scoring.score.domain.Contribution;
import credit.platform.scoring.score.domain.ModelDefinition;
import credit.platform.scoring.score.domain.RecomputeJob;
import credit.platform.scoring.score.domain.Score;
import credit.platform.scoring.score.domain.StoredScore;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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

    record HistoryEntryView(String modelId, int modelVersion, long points, String grade, String cause,
            Instant computedAt, List<ContributionView> contributions) {
        static HistoryEntryView of(StoredScore s) {
            Score score = s.score();
            return new HistoryEntryView(score.modelId(), score.modelVersion(), score.points(), score.grade(), s.cause(),
                    score.computedAt(), score.contributions().stream().map(ContributionView::of).toList());
        }
    }

    record HistoryView(String subjectId, List<HistoryEntryView> entries) {
    }

    record ModelView(String id, int version, String subjectKind, String jurisdiction, Instant effectiveFrom,
            boolean defaultForKind,
            @io.swagger.v3.oas.annotations.media.Schema(implementation = ModelDefinitionShape.class)
            Map<String, Object> definition) {
        static ModelView of(ModelDefinition d) {
            return new ModelView(d.model().id(), d.model().version(), d.model().subjectKind().name(),
                    d.model().jurisdiction(), d.model().effectiveFrom(), d.defaultForKind(), d.source());
        }
    }

    record RecomputeView(String jobId, String modelId, int modelVersion, String state, long total, long done,
            long changed, Instant startedAt, Instant finishedAt) {
        static RecomputeView of(RecomputeJob j) {
            return new RecomputeView(j.id(), j.modelId(), j.modelVersion(), j.state().name(), j.total(), j.done(),
                    j.changed(), j.startedAt(), j.finishedAt());
        }
    }
}
