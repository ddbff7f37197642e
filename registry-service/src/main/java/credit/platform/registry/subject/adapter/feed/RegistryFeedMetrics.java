package credit.platform.registry.subject.adapter.feed;

import credit.platform.feed.server.FeedLogMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** The registry change feed's head, oldest resumable position and append conflicts ({@link FeedLogMetrics}). */
@Component
class RegistryFeedMetrics {

    RegistryFeedMetrics(RegistryFeed feed, MeterRegistry meters) {
        FeedLogMetrics.bind(feed.log(), meters);
    }
}
