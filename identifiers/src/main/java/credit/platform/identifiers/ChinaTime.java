package credit.platform.identifiers;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

/**
 * The calendar the platform's rules are written in, in one place: days are days in China
 * (Asia/Shanghai), and a legal period ("2 years", "1 year", "180 days") is counted in calendar units
 * from its first day — never as a number of seconds. Every service that judges "today", "born in the
 * future", a term, a cap or a deadline asks this class (see {@code docs/domain.md}, "Time").
 */
public final class ChinaTime {

    /** The zone of every calendar day the platform talks about. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {
    }

    /** Today in China by this clock (not today in UTC: 00:00–08:00 in China is still yesterday in UTC). */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** The day in China an instant falls on. */
    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** The first instant of a day in China. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    /**
     * The last day of a period of {@code length} whose first day is {@code first}: the day before the
     * day that corresponds to {@code first} after {@code length}. When that day does not exist (a term
     * from 29 February over a year, or from the 31st over a month), the period runs to the end of the
     * month — the last day of the month is the last day (Civil Code art. 202). Examples: one year from
     * 2023-03-01 ends 2024-02-29; one year from 2024-02-29 ends 2025-02-28; two years from 2026-11-01
     * end 2028-10-31; 180 days from 2026-01-01 end 2026-06-29.
     */
    public static LocalDate lastDay(LocalDate first, Period length) {
        LocalDate corresponding = first.plus(length);
        if (length.getDays() == 0 && (length.getYears() != 0 || length.getMonths() != 0)
                && corresponding.getDayOfMonth() < first.getDayOfMonth()) {
            // No such day in the target month (clamped by plus): the whole month counts.
            return corresponding;
        }
        return corresponding.minusDays(1);
    }

    /** The instant a period of {@code length} from {@code first} ends (exclusive): the start of the day after its last day. */
    public static Instant endOf(LocalDate first, Period length) {
        return startOf(lastDay(first, length).plusDays(1));
    }
}
