package credit.platform.lists.feed.adapter;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How watchers follow the change feed.
 *
 * @param pollInterval a watcher re-reads the log at least this often: in-process appends wake it at
 *                     once, appends by another replica are seen within this interval
 * @param batchSize    entries read from the log at a time
 */
@ConfigurationProperties("credit.lists.feed")
public record FeedProperties(@DefaultValue("250ms") Duration pollInterval, @DefaultValue("500") int batchSize) {
}
