package credit.platform.scoring.score.adapter.remote;

import credit.platform.scoring.score.domain.FollowChanges;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.OptionalLong;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Scoring's positions on the feeds it follows, as gauges {@code scoring.feed.position{feed}} tagged with
 * the log name of the feed's writer — the same value as {@code feed_head}'s {@code feed} label
 * ({@code change_log} at the lists service, {@code subject_changes} at the registry), so the backlog is
 * {@code feed_head - scoring_feed_position}. The value is the last change fully processed (the saved
 * checkpoint every replica resumes from); NaN before the first snapshot.
 */
@Component
class FollowerPositionMetrics {

    /** The lists service's feed log (its {@code ListsFeedLog.LOG}). */
    static final String LISTS_LOG = "change_log";
    /** The registry's feed log (its {@code RegistryFeed.LOG}). */
    static final String REGISTRY_LOG = "subject_changes";

    FollowerPositionMetrics(FollowChanges follow, MeterRegistry meters) {
        register(meters, LISTS_LOG, follow, FollowChanges::resumeFrom);
        register(meters, REGISTRY_LOG, follow, FollowChanges::registryResumeFrom);
    }

    // the gauge's state object is the FollowChanges bean itself: a gauge holds its state weakly, and a
    // lambda or method reference made here would be collected (the gauge then reads NaN)
    private static void register(MeterRegistry meters, String feed, FollowChanges follow,
            Function<FollowChanges, OptionalLong> position) {
        Gauge.builder("scoring.feed.position", follow, f -> {
                    OptionalLong at = position.apply(f);
                    return at.isPresent() ? at.getAsLong() : Double.NaN;
                })
                .tag("feed", feed)
                .description("Last change of the feed scoring has fully processed (its saved checkpoint)")
                .register(meters);
    }
}
