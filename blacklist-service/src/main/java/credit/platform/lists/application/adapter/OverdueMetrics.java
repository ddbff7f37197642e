package credit.platform.lists.application.adapter;

import credit.platform.lists.application.domain.ApplicationService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gauge {@code lists.applications.overdue} tagged {@code authority}: objections and repair
 * applications past their decision deadline, per authority that must decide them. Recounted
 * periodically (and on demand by {@link #refresh()}).
 */
@Component
public class OverdueMetrics {

    public static final String METRIC = "lists.applications.overdue";
    private static final Logger log = LoggerFactory.getLogger(OverdueMetrics.class);

    private final ApplicationService applications;
    private final MultiGauge gauge;

    OverdueMetrics(ApplicationService applications, MeterRegistry registry) {
        this.applications = applications;
        this.gauge = MultiGauge.builder(METRIC)
                .description("Objections and repair applications undecided past their deadline, per authority")
                .register(registry);
    }

    @Scheduled(initialDelayString = "${credit.lists.applications.metric-initial-delay:PT5S}", fixedDelayString = "${credit.lists.applications.metric-interval:PT1M}")
    public void refresh() {
        try {
            Map<String, Long> counts = applications.overdueCounts();
            gauge.register(counts.entrySet().stream()
                    .map(e -> MultiGauge.Row.of(Tags.of("authority", e.getKey()), e.getValue()))
                    .toList(), true);
        } catch (RuntimeException e) {
            log.warn("could not count overdue applications: {}", e.getClass().getName());
        }
    }
}
