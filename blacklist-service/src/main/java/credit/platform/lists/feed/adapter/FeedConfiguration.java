package credit.platform.lists.feed.adapter;

import credit.platform.lists.feed.domain.ChangeFeed;
import credit.platform.lists.feed.domain.ChangeLogStore;
import credit.platform.lists.record.domain.RecordRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wires the change feed (plain Java) to its store; every replica writes to it. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class FeedConfiguration {

    @Bean
    ChangeFeed changeFeed(ChangeLogStore store, RecordRepository records) {
        return new ChangeFeed(store, records);
    }
}
