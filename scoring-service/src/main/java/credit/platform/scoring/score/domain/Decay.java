package credit.platform.scoring.score.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Time decay of a record's points: full weight for {@code fullFor} after the record took effect,
 * then falling in a straight line to nothing over {@code fadeOver}. Points are rounded to whole
 * points (half away from zero).
 */
public record Decay(Duration fullFor, Duration fadeOver) {

    public Decay {
        Objects.requireNonNull(fullFor, "fullFor");
        Objects.requireNonNull(fadeOver, "fadeOver");
        if (fullFor.isNegative() || fadeOver.isNegative() || fadeOver.isZero()) {
            throw new IllegalArgumentException("decay: fullFor must not be negative and fadeOver must be positive");
        }
    }

    public static Decay ofDays(long fullDays, long fadeDays) {
        return new Decay(Duration.ofDays(fullDays), Duration.ofDays(fadeDays));
    }

    /** The points a record worth {@code points} at full weight is worth at {@code at}. */
    public long apply(long points, Instant effectiveFrom, Instant at) {
        if (effectiveFrom == null) {
            return points;
        }
        long age = Duration.between(effectiveFrom, at).toMillis();
        long full = fullFor.toMillis();
        if (age <= full) {
            return points;
        }
        long fade = fadeOver.toMillis();
        if (age >= full + fade) {
            return 0;
        }
        double weight = 1.0 - (double) (age - full) / fade;
        return Math.round(Math.abs(points) * weight) * Long.signum(points);
    }

    /**
     * The first millisecond after {@code at} at which {@link #apply} gives other points than at
     * {@code at} (a step of at least one point), or empty when the points no longer change. Exact:
     * a binary search on the same function, which only falls in magnitude as the record ages.
     */
    public Optional<Instant> nextStepAfter(long points, Instant effectiveFrom, Instant at) {
        if (effectiveFrom == null || points == 0) {
            return Optional.empty();
        }
        long current = apply(points, effectiveFrom, at);
        if (current == 0) {
            return Optional.empty();
        }
        long lo = at.toEpochMilli();
        long hi = NextChange.ceilMillis(effectiveFrom.plus(fullFor).plus(fadeOver)).toEpochMilli();
        if (hi <= lo) {
            return Optional.empty();
        }
        // The rounded points drop below |current| once |points|·(1 − x) < |current| − ½, x being the
        // faded share: start from that estimate and correct it by the function itself.
        long magnitude = Math.abs(points);
        double share = (magnitude - Math.abs(current) + 0.5) / magnitude;
        long estimate = effectiveFrom.plus(fullFor).toEpochMilli() + (long) Math.floor(share * fadeOver.toMillis());
        long m = Math.max(lo + 1, Math.min(hi, estimate));
        for (int step = 0; step < 64; step++) {
            boolean changedAtM = apply(points, effectiveFrom, Instant.ofEpochMilli(m)) != current;
            boolean changedBefore = m - 1 > lo && apply(points, effectiveFrom, Instant.ofEpochMilli(m - 1)) != current;
            if (changedAtM && !changedBefore) {
                return Optional.of(Instant.ofEpochMilli(m));
            }
            m = changedAtM ? m - 1 : m + 1;
            if (m <= lo || m > hi) {
                break;
            }
        }
        // Not found near the estimate (never expected): search the whole span.
        // invariant: apply(lo) == current (or lo is 'at' itself), apply(hi) != current
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (apply(points, effectiveFrom, Instant.ofEpochMilli(mid)) != current) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return Optional.of(Instant.ofEpochMilli(hi));
    }
}
