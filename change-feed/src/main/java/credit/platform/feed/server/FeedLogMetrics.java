package credit.platform.feed.server;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A feed log seen by the metrics scraper, tagged {@code feed=<log name>}: {@code feed.head} (the highest
 * committed sequence: the writer side's position, which followers' positions are compared with),
 * {@code feed.oldest.resumable} (a follower behind it must take a new snapshot) and the counter
 * {@code feed.append.conflicts} (appends that found their sequence taken by another writer replica).
 * The gauges read the log when scraped.
 */
public final class FeedLogMetrics {

    private FeedLogMetrics() {
    }

    public static void bind(FeedLog log, MeterRegistry registry) {
        Gauge.builder("feed.head", log, FeedLog::head).tag("feed", log.name())
                .description("Highest committed sequence of the change feed").register(registry);
        Gauge.builder("feed.oldest.resumable", log, FeedLog::oldestResumable).tag("feed", log.name())
                .description("Lowest position a follower can resume after without a new snapshot").register(registry);
        FunctionCounter.builder("feed.append.conflicts", log, FeedLog::conflicts).tag("feed", log.name())
                .description("Appends that found their sequence taken by another writer and retried").register(registry);
    }
}
