package credit.platform.lists.definition.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which days are working days: Monday to Friday, minus public holidays, plus the weekend days the
 * State Council's holiday notice makes working days (调休). Legal deadlines counted "in working
 * days" are computed with it. Only the years it has a notice for are known: a day of any other year
 * is refused ({@link CalendarYearMissingException}), never guessed from weekends alone.
 *
 * @param years           the years whose holiday notice it holds
 * @param holidays        days off that would otherwise be working days (and holiday weekends)
 * @param workingWeekends weekend days that are working days
 */
public record WorkingCalendar(Set<Integer> years, Set<LocalDate> holidays, Set<LocalDate> workingWeekends) {

    public WorkingCalendar {
        years = Set.copyOf(years);
        holidays = Set.copyOf(holidays);
        workingWeekends = Set.copyOf(workingWeekends);
    }

    /** A calendar of the years the given days fall in. */
    public WorkingCalendar(Set<LocalDate> holidays, Set<LocalDate> workingWeekends) {
        this(holidays.stream().map(LocalDate::getYear).collect(Collectors.toSet()), holidays, workingWeekends);
    }

    /** Weekends only, for these years (tests: a year without public holidays). */
    public static WorkingCalendar weekendsOnly(int... years) {
        return new WorkingCalendar(java.util.Arrays.stream(years).boxed().collect(Collectors.toSet()), Set.of(),
                Set.of());
    }

    public boolean covers(int year) {
        return years.contains(year);
    }

    /** @throws CalendarYearMissingException when the day's year is not known */
    public boolean isWorkingDay(LocalDate day) {
        if (!covers(day.getYear())) {
            throw new CalendarYearMissingException(day.getYear());
        }
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
     *
     * @throws CalendarYearMissingException when the count reaches a year the calendar does not know
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
     * The last day this calendar knows without a gap from {@code today}: 31 December of the last year of
     * the run of known years that starts with today's; the day before {@code today} when today's year is
     * not known.
     */
    public LocalDate coveredThrough(LocalDate today) {
        int year = today.getYear();
        if (!covers(year)) {
            return today.minusDays(1);
        }
        TreeSet<Integer> known = new TreeSet<>(years);
        while (known.contains(year + 1)) {
            year++;
        }
        return LocalDate.of(year, 12, 31);
    }

    /**
     * Working days left from {@code today} to the last day {@code lastDay} of a deadline: the working
     * days after today up to and including the last day; 0 on the last day itself; negative, the
     * working days since, once it has passed.
     */
    public int workingDaysLeft(LocalDate today, LocalDate lastDay) {
        return workingDaysLeftIfKnown(today, lastDay).orElseThrow(() -> new CalendarYearMissingException(
                (lastDay.isAfter(today) ? lastDay : today).getYear()));
    }

    /**
     * {@link #workingDaysLeft}, or empty when it is not known: the last day is not known yet
     * ({@code null}, a pending deadline) or the count runs through a year without a holiday file.
     */
    public java.util.OptionalInt workingDaysLeftIfKnown(LocalDate today, LocalDate lastDay) {
        if (lastDay == null) {
            return java.util.OptionalInt.empty();
        }
        LocalDate first = lastDay.isAfter(today) ? today : lastDay;
        LocalDate last = lastDay.isAfter(today) ? lastDay : today;
        for (int y = first.getYear(); y <= last.getYear(); y++) {
            if (!covers(y)) {
                return java.util.OptionalInt.empty();
            }
        }
        return java.util.OptionalInt.of(count(today, lastDay));
    }

    private int count(LocalDate today, LocalDate lastDay) {
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
