package credit.platform.lists.definition.adapter;

import credit.platform.lists.definition.domain.WorkingCalendar;
import credit.platform.lists.record.domain.ListRecord;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * How far ahead the working-day calendar reaches, for operators: gauge
 * {@code lists.calendar.covered.days} (days from today through the last day a holiday notice covers;
 * 0 or less once a deadline may need an unknown year), and the health contributor
 * {@code workingCalendar} in the readiness group — status {@code WARNING} (served as HTTP 200, so
 * the service stays ready) with the missing year named, from {@code credit.lists.calendar.warn-before}
 * days before the covered period ends. Deadlines that need a missing year are flagged on their
 * application, never counted on weekends alone.
 */
@Component("workingCalendarHealthIndicator")
class CalendarCoverage implements HealthIndicator {

    static final String METRIC = "lists.calendar.covered.days";
    static final Status WARNING = new Status("WARNING", "the working-day calendar ends soon");

    private final WorkingCalendar calendar;
    private final Clock clock;
    private final long warnBefore;

    CalendarCoverage(WorkingCalendar calendar, Clock clock, MeterRegistry registry,
            @Value("${credit.lists.calendar.warn-before:60}") long warnBefore) {
        this.calendar = calendar;
        this.clock = clock;
        this.warnBefore = warnBefore;
        Gauge.builder(METRIC, this, CalendarCoverage::coveredDays)
                .description("Days from today through the last day the public-holiday files cover")
                .register(registry);
    }

    double coveredDays() {
        LocalDate today = ListRecord.today(clock);
        return ChronoUnit.DAYS.between(today, calendar.coveredThrough(today));
    }

    @Override
    public Health health() {
        LocalDate today = ListRecord.today(clock);
        LocalDate through = calendar.coveredThrough(today);
        long days = ChronoUnit.DAYS.between(today, through);
        Health.Builder h = days < warnBefore ? Health.status(WARNING) : Health.up();
        h.withDetail("coveredThrough", through.toString()).withDetail("coveredDays", days);
        if (days < warnBefore) {
            int missing = through.plusDays(1).getYear();
            h.withDetail("warning", "no public-holiday file for " + missing + ": add lists/holidays-cn-" + missing
                    + ".json from the State Council's notice; until then working-day deadlines reaching into "
                    + missing + " are flagged as pending, not computed");
        }
        return h.build();
    }
}
