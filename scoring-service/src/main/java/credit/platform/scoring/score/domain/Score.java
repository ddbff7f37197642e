package credit.platform.scoring.score.domain;

import java.time.Instant;
import java.util.List;

/**
 * A computed score: {@code points = basePoints + Σ contributions.points}, always — the explanation
 * adds up to the score.
 */
public record Score(String subjectId, String modelId, int modelVersion, long basePoints, long points, String grade,
        List<Contribution> contributions, Instant computedAt) {

    public Score {
        contributions = List.copyOf(contributions);
        long sum = basePoints + contributions.stream().mapToLong(Contribution::points).sum();
        if (sum != points) {
            throw new IllegalArgumentException("points " + points + " do not equal base + contributions " + sum);
        }
    }
}
