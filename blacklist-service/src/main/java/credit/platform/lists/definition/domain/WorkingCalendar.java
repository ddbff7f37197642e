package credit.platform.lists.definition.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Which days are working days: Monday to Friday, minus public holidays, plus the weekend days the
 * State Council's holiday notice makes working days (调休). Legal deadlines counted "in working
 * days" are computed with it.
 *
 * @param holidays        days off that would otherwise be working days (and holiday weekends)
 * @param workingWeekends weekend days that are working days
 */
public record WorkingCalendar(Set<LocalDate> holidays, Set<LocalDate> workingWeekends) {

    /** Weekends only, no holidays. */
    public static final WorkingCalendar WEEKENDS_ONLY = new WorkingCalendar(Set.of(), Set.of());

    public WorkingCalendar {
        holidays = Set.copyOf(holidays);
        workingWeekends = Set.copyOf(workingWeekends);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (workingWeekends.contains(day)) {
            return true;
        }
        if (holidays.contains(day)) {
            return false;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /**
     * The last day of a limit of {@code n} working days counted from the day after {@code start}:
     * "within 3 working days" of a Friday filing ends on Wednesday.
     */
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        LocalDate day = start;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * Working days left from {@code today} to the last day {@code lastDay} of a deadline: the working
     * days after today up to and including the last day; 0 on the last day itself; negative, the
     * working days since, once it has passed.
     */
    public int workingDaysLeft(LocalDate today, LocalDate lastDay) {
        int n = 0;
        if (lastDay.isAfter(today)) {
            for (LocalDate d = today.plusDays(1); !d.isAfter(lastDay); d = d.plusDays(1)) {
                n += isWorkingDay(d) ? 1 : 0;
            }
            return n;
        }
        for (LocalDate d = lastDay.plusDays(1); !d.isAfter(today); d = d.plusDays(1)) {
            n -= isWorkingDay(d) ? 1 : 0;
        }
        return n;
    }
}
