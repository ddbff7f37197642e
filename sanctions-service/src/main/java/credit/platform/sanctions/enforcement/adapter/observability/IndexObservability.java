package credit.platform.sanctions.enforcement.adapter.observability;

import credit.platform.sanctions.enforcement.domain.Enforcement;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Freshness made visible: gauges {@code enforcement.index.sequence} (last applied feed sequence),
 * {@code enforcement.index.age} (seconds since the index was last known current; 0 while the feed
 * is connected), {@code enforcement.index.lag} (seconds from a change at the lists service to its
 * application here), {@code enforcement.index.subjects}/{@code .records}; and health
 * {@code enforcementIndex}, part of the readiness group: DOWN until the index has caught up.
 */
@Component("enforcementIndex")
class IndexObservability implements HealthIndicator {

    private final Enforcement enforcement;

    IndexObservability(Enforcement enforcement, MeterRegistry meters) {
        this.enforcement = enforcement;
        Gauge.builder("enforcement.index.sequence", enforcement, Enforcement::sequence)
                .description("Last lists-feed sequence applied to the enforcement index").register(meters);
        Gauge.builder("enforcement.index.age", enforcement, Enforcement::ageSeconds).baseUnit("seconds")
                .description("Time since the index was last known current").register(meters);
        Gauge.builder("enforcement.index.lag", enforcement, e -> e.lastLag().toMillis() / 1000.0).baseUnit("seconds")
                .description("Time from the last applied change at the lists service to its application").register(meters);
        Gauge.builder("enforcement.grades.sequence", enforcement, Enforcement::gradeSequence)
                .description("Last grade-change sequence (scoring service) applied to the index").register(meters);
        Gauge.builder("enforcement.grades.age", enforcement, Enforcement::gradeAgeSeconds).baseUnit("seconds")
                .description("Time since the grade-change feed was last known current").register(meters);
        Gauge.builder("enforcement.grades.lag", enforcement, e -> e.gradeLag().toMillis() / 1000.0).baseUnit("seconds")
                .description("Time from the last applied grade change at the scoring service to its application")
                .register(meters);
        Gauge.builder("enforcement.index.subjects", enforcement, e -> e.index().subjectCount()).register(meters);
        Gauge.builder("enforcement.index.records", enforcement, e -> e.index().recordCount()).register(meters);
    }

    @Override
    public Health health() {
        var asOf = enforcement.asOf();
        Health.Builder b = enforcement.caughtUp() ? Health.up() : Health.down();
        return b.withDetail("sequence", asOf.sequence())
                .withDetail("asOf", asOf.time().toString())
                .withDetail("stale", asOf.stale())
                .withDetail("caughtUp", enforcement.caughtUp())
                .withDetail("listsCaughtUp", enforcement.listsCaughtUp())
                .withDetail("gradeSequence", enforcement.gradeSequence())
                .withDetail("gradesCaughtUp", enforcement.gradesCaughtUp())
                .build();
    }
}
