package credit.platform.sanctions.notice.adapter;

import credit.lists.v1.ListsServiceGrpc;
import credit.platform.sanctions.enforcement.adapter.EnforcementProperties;
import credit.platform.sanctions.enforcement.adapter.remote.NoticeFeedSubscriber;
import credit.platform.sanctions.enforcement.domain.Enforcement;
import credit.platform.sanctions.notice.domain.Mailer;
import credit.platform.sanctions.notice.domain.NoticeService;
import credit.platform.sanctions.notice.domain.NoticeStore;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Notices to subjects (docs/architecture.md, DR-10): the service, the lists-feed follower that feeds it
 * ({@code credit.notices.enabled}), and the outbox sender that runs every
 * {@code credit.notices.send-interval}.
 */
@Configuration(proxyBeanMethods = false)
class NoticeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NoticeConfiguration.class);

    @Bean
    NoticeService noticeService(NoticeStore store, Mailer mailer, Enforcement enforcement,
            @Value("${credit.notices.portal-url:http://localhost:8090}") String portalUrl, Clock clock) {
        return new NoticeService(store, mailer, enforcement.catalogue(), portalUrl, clock);
    }

    @Bean
    NoticeFeedSubscriber noticeFeedSubscriber(ListsServiceGrpc.ListsServiceStub lists, NoticeService notices,
            @Value("${credit.notices.enabled:true}") boolean enabled, EnforcementProperties props) {
        return new NoticeFeedSubscriber(lists, notices, enabled, props.catchUpQuiet(), props.maxBackoff());
    }

    @Bean
    SmartLifecycle noticeSender(NoticeService notices,
            @Value("${credit.notices.enabled:true}") boolean enabled,
            @Value("${credit.notices.send-interval:PT1S}") java.time.Duration interval) {
        return new SmartLifecycle() {
            private ScheduledExecutorService executor;

            @Override
            public void start() {
                if (!enabled) {
                    return;
                }
                executor = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
                        .name("notice-sender").unstarted(r));
                executor.scheduleWithFixedDelay(() -> {
                    try {
                        notices.deliverDue(100);
                    } catch (RuntimeException e) {
                        log.warn("notice outbox not reachable: {}", e.getClass().getSimpleName());
                    }
                }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
            }

            @Override
            public void stop() {
                if (executor != null) {
                    executor.shutdownNow();
                }
            }

            @Override
            public boolean isRunning() {
                return executor != null && !executor.isShutdown();
            }
        };
    }
}
