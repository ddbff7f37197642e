package credit.platform.lists.application.adapter;

import credit.platform.lists.application.domain.ApplicationService;
import credit.platform.lists.definition.domain.ListCatalog;
import credit.platform.lists.definition.domain.ListDefinition;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gauge {@code lists.applications.overdue} tagged {@code authority}: objections and repair
 * applications past their decision deadline, per authority that must decide them; gauge
 * {@code lists.applications.deadline.pending}: open applications whose deadline needs a year without
 * a holiday file. Recounted periodically (and on demand by {@link #refresh()}), which also computes the
 * pending deadlines the calendar now knows (after a holiday file was added). Every authority that issues
 * a list has a row, 0 when nothing of its is overdue (and so has one that had overdue applications
 * before): the series exists before the first deadline is missed, and an alert on it resolves instead
 * of going silent.
 */
@Component
public class OverdueMetrics {

    public static final String METRIC = "lists.applications.overdue";
    public static final String PENDING = "lists.applications.deadline.pending";
    private static final Logger log = LoggerFactory.getLogger(OverdueMetrics.class);

    private final ApplicationService applications;
    private final MultiGauge gauge;
    private final ObjectProvider<ListCatalog> catalog;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();

    OverdueMetrics(ApplicationService applications, MeterRegistry registry, ObjectProvider<ListCatalog> catalog) {
        this.applications = applications;
        this.catalog = catalog;
        this.gauge = MultiGauge.builder(METRIC)
                .description("Objections and repair applications undecided past their deadline, per authority")
                .register(registry);
        registry.gauge(PENDING, pending);
    }

    @Scheduled(initialDelayString = "${credit.lists.applications.metric-initial-delay:PT5S}", fixedDelayString = "${credit.lists.applications.metric-interval:PT1M}")
    public void refresh() {
        try {
            pending.set(applications.resolvePendingDeadlines());
            Map<String, Long> counts = new TreeMap<>();
            catalog.ifAvailable(c -> c.all().stream().map(ListDefinition::issuingAuthority)
                    .filter(authority -> !authority.equals("ANY")).forEach(authority -> counts.put(authority, 0L)));
            seen.forEach(authority -> counts.put(authority, 0L));
            counts.putAll(applications.overdueCounts());
            seen.addAll(counts.keySet());
            gauge.register(counts.entrySet().stream()
                    .map(e -> MultiGauge.Row.of(Tags.of("authority", e.getKey()), e.getValue()))
                    .toList(), true);
        } catch (RuntimeException e) {
            log.warn("could not count overdue applications: {}", e.getClass().getName());
        }
    }
}
