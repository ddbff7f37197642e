package credit.platform.lists.feed.adapter;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How watchers follow the change feed.
 *
 * @param pollInterval safety net behind the in-process wake-up: a watcher re-reads the log at
 *                     least this often
 * @param batchSize    entries read from the log at a time
 */
@ConfigurationProperties("credit.lists.feed")
public record FeedProperties(@DefaultValue("1s") Duration pollInterval, @DefaultValue("500") int batchSize) {
}
