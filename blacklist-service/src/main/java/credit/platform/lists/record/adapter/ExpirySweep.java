package credit.platform.lists.record.adapter;

import credit.platform.lists.record.domain.RecordService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Marks records EXPIRED once their last effective day has passed (by the injected clock), so every
 * consumer of the change feed learns of the expiry without anyone asking.
 */
@Component
class ExpirySweep {

    private static final Logger log = LoggerFactory.getLogger(ExpirySweep.class);

    private final RecordService records;

    ExpirySweep(RecordService records) {
        this.records = records;
    }

    @Scheduled(initialDelayString = "${credit.lists.expiry.initial-delay:PT5S}", fixedDelayString = "${credit.lists.expiry.sweep-interval:PT1M}")
    void sweep() {
        try {
            records.expireDue();
        } catch (RuntimeException e) {
            log.warn("expiry sweep failed, retried at the next run: {}", e.getClass().getName());
        }
    }
}
