package credit.platform.scoring.score.domain;

import java.util.Objects;

/** A grade and the lowest points that earn it (inclusive). */
public record GradeBand(String grade, long minPoints) {

    public GradeBand {
        Objects.requireNonNull(grade, "grade");
    }
}
