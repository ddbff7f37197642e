package credit.platform.lists.definition.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A legal time limit such as "within 3 working days" or "within 30 days".
 *
 * @param amount the number of days, positive
 * @param unit   calendar or working days
 */
public record TimeLimit(int amount, Unit unit) {

    public enum Unit { DAYS, WORKING_DAYS }

    public TimeLimit {
        Objects.requireNonNull(unit, "unit");
        if (amount <= 0) {
            throw new IllegalArgumentException("a time limit is a positive number of days, not " + amount);
        }
    }

    public static TimeLimit days(int amount) {
        return new TimeLimit(amount, Unit.DAYS);
    }

    public static TimeLimit workingDays(int amount) {
        return new TimeLimit(amount, Unit.WORKING_DAYS);
    }

    /**
     * The last day of this limit counted from the day after {@code start} (calendar days, or working
     * days by {@code calendar}); acting on that day is still in time.
     */
    public LocalDate lastDayAfter(LocalDate start, WorkingCalendar calendar) {
        return unit == Unit.DAYS ? start.plusDays(amount) : calendar.plusWorkingDays(start, amount);
    }

    @Override
    public String toString() {
        return amount + (unit == Unit.DAYS ? " days" : " working days");
    }
}
