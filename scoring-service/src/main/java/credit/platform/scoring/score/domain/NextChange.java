package credit.platform.scoring.score.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The next instant at which a subject's score may change with no new fact (a decay step, a permit
 * or record that starts or ends, a model version taking effect), and what happens then.
 *
 * @param at   rounded up to the millisecond, so that scoring at {@code at} already sees the change
 * @param what e.g. {@code permit:<id> lapsed}, {@code decay of list-record:<id>}
 */
public record NextChange(Instant at, String what) {

    public NextChange {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(what, "what");
    }

    /** Collects candidate instants after {@code after} and keeps the earliest (naming all that happen then). */
    static final class Earliest {
        private static final int MAX_NAMED = 5;
        private final Instant after;
        private Instant at;
        private final List<String> what = new ArrayList<>();

        Earliest(Instant after) {
            this.after = after;
        }

        void offer(Instant candidate, String description) {
            if (candidate == null || !candidate.isAfter(after)) {
                return;
            }
            Instant c = ceilMillis(candidate);
            if (at == null || c.isBefore(at)) {
                at = c;
                what.clear();
            }
            if (c.equals(at) && !what.contains(description)) {
                what.add(description);
            }
        }

        void offer(Optional<NextChange> candidate) {
            candidate.ifPresent(n -> offer(n.at(), n.what()));
        }

        Optional<NextChange> result() {
            if (at == null) {
                return Optional.empty();
            }
            String named = String.join(", ", what.subList(0, Math.min(MAX_NAMED, what.size())));
            if (what.size() > MAX_NAMED) {
                named += " and " + (what.size() - MAX_NAMED) + " more";
            }
            return Optional.of(new NextChange(at, named));
        }
    }

    static Instant ceilMillis(Instant i) {
        Instant floor = i.truncatedTo(ChronoUnit.MILLIS);
        return floor.equals(i) ? i : floor.plusMillis(1);
    }
}
