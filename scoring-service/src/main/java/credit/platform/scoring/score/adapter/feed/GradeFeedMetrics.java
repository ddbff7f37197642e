package credit.platform.scoring.score.adapter.feed;

import credit.platform.feed.server.FeedLogMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** The grade-change feed's head, oldest resumable position and append conflicts ({@link FeedLogMetrics}). */
@Component
class GradeFeedMetrics {

    GradeFeedMetrics(GradeFeed feed, MeterRegistry meters) {
        FeedLogMetrics.bind(feed.log(), meters);
    }
}
