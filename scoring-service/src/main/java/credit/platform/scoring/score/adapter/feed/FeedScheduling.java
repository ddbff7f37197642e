package credit.platform.scoring.score.adapter.feed;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The grade feed's sweep and compaction run on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class FeedScheduling {
}
