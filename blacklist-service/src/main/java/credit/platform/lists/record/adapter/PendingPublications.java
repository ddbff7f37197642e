package credit.platform.lists.record.adapter;

import credit.platform.lists.record.domain.RecordService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Appends record changes that were stored but never reached the change feed (a crash or a MongoDB
 * error between the two writes): first right after start-up, then periodically.
 */
@Component
class PendingPublications {

    private static final Logger log = LoggerFactory.getLogger(PendingPublications.class);

    private final RecordService records;

    PendingPublications(RecordService records) {
        this.records = records;
    }

    @Scheduled(initialDelayString = "PT0S", fixedDelayString = "${credit.lists.feed.republish-interval:PT30S}")
    void publishPending() {
        try {
            int published = records.publishPending();
            if (published > 0) {
                log.info("appended {} pending record changes to the change feed", published);
            }
        } catch (RuntimeException e) {
            log.warn("could not append pending record changes: {}", e.getClass().getName());
        }
    }
}
