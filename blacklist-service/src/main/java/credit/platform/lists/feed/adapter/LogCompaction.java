package credit.platform.lists.feed.adapter;

import credit.platform.lists.feed.domain.ChangeFeed;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Compacts the change log periodically: entries older than {@code credit.lists.feed.retention} are
 * kept only as each record's latest; watchers further behind are told to re-snapshot.
 */
@Component
class LogCompaction {

    private static final Logger log = LoggerFactory.getLogger(LogCompaction.class);

    private final ChangeFeed feed;
    private final Clock clock;
    private final java.time.Duration retention;

    LogCompaction(ChangeFeed feed, Clock clock, @Value("${credit.lists.feed.retention:P30D}") java.time.Duration retention) {
        this.feed = feed;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(initialDelayString = "${credit.lists.feed.compaction-initial-delay:PT10M}",
            fixedDelayString = "${credit.lists.feed.compaction-interval:PT1H}")
    void compact() {
        try {
            feed.compact(clock.instant().minus(retention));
        } catch (RuntimeException e) {
            log.warn("change log compaction failed, retried at the next run: {}", e.getClass().getName());
        }
    }
}
