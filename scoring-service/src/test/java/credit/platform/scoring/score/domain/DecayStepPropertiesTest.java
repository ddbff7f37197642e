package credit.platform.scoring.score.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The next decay step is exact: at the instant returned the points differ from those at the
 * starting instant, one millisecond earlier they do not, and when nothing is returned the points
 * never change again.
 */
class DecayStepPropertiesTest {

    static final Instant FROM = Instant.parse("2025-03-01T07:13:22.123Z");

    @Property(tries = 2000)
    void theNextStepIsTheFirstMillisecondWithOtherPoints(@ForAll @IntRange(min = -500, max = 500) int points,
            @ForAll @IntRange(min = 0, max = 800) int fullDays, @ForAll @IntRange(min = 1, max = 1500) int fadeDays,
            @ForAll @LongRange(min = -10L * 86_400_000, max = 2400L * 86_400_000) long ageMillis) {
        Decay decay = Decay.ofDays(fullDays, fadeDays);
        Instant at = FROM.plusMillis(ageMillis);
        long now = decay.apply(points, FROM, at);

        Optional<Instant> step = decay.nextStepAfter(points, FROM, at);

        if (step.isEmpty()) {
            Instant end = FROM.plus(Duration.ofDays(fullDays + fadeDays));
            assertThat(decay.apply(points, FROM, end.plusMillis(1))).isEqualTo(now);
            return;
        }
        assertThat(step.get()).isAfter(at);
        assertThat(decay.apply(points, FROM, step.get())).isNotEqualTo(now);
        assertThat(Math.abs(decay.apply(points, FROM, step.get()))).isEqualTo(Math.abs(now) - 1);
        Instant before = step.get().minusMillis(1);
        if (before.isAfter(at)) {
            assertThat(decay.apply(points, FROM, before)).isEqualTo(now);
        }
    }
}
