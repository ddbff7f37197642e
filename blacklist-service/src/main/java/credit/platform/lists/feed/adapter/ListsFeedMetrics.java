package credit.platform.lists.feed.adapter;

import credit.platform.feed.server.FeedLogMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** The lists change feed's head, oldest resumable position and append conflicts ({@link FeedLogMetrics}). */
@Component
class ListsFeedMetrics {

    ListsFeedMetrics(ListsFeedLog feed, MeterRegistry meters) {
        FeedLogMetrics.bind(feed.log(), meters);
    }
}
