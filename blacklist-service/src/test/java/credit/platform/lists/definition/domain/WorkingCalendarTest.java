package credit.platform.lists.definition.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    /** China 2026, National Day: 1–7 October off, Saturday 10 October worked (the file's data, inlined). */
    static final WorkingCalendar CHINA_2026_OCTOBER = new WorkingCalendar(
            Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 3),
                    LocalDate.of(2026, 10, 4), LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6),
                    LocalDate.of(2026, 10, 7)),
            Set.of(LocalDate.of(2026, 10, 10)));

    @Test
    void threeWorkingDaysFromAFridaySkipTheWeekend() {
        assertThat(WorkingCalendar.weekendsOnly(2026).plusWorkingDays(LocalDate.of(2026, 10, 16), 3))
                .isEqualTo(LocalDate.of(2026, 10, 21));
    }

    @Test
    void aDeadlineReachingIntoAYearWithoutAHolidayNoticeIsRefusedNotCountedOnWeekends() {
        // 2026-12-28 + 5 working days would be 2027-01-04 on weekends alone; 1 January 2027 is a holiday.
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(CalendarYearMissingException.class,
                () -> CHINA_2026_OCTOBER.plusWorkingDays(LocalDate.of(2026, 12, 28), 5));
        assertThat(e.year()).isEqualTo(2027);
        assertThat(e).hasMessageContaining("no working-day calendar for 2027");
        assertThat(CHINA_2026_OCTOBER.plusWorkingDays(LocalDate.of(2026, 12, 28), 3)).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void coverageEndsWithTheLastYearOfTheRunOfKnownYears() {
        var calendar = WorkingCalendar.weekendsOnly(2026, 2027, 2029);
        assertThat(calendar.coveredThrough(LocalDate.of(2026, 6, 1))).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(calendar.coveredThrough(LocalDate.of(2028, 6, 1))).isEqualTo(LocalDate.of(2028, 5, 31));
    }

    @Test
    void threeWorkingDaysBeforeNationalDaySkipTheHolidayAndCountTheWorkedSaturday() {
        assertThat(CHINA_2026_OCTOBER.plusWorkingDays(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(CHINA_2026_OCTOBER.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(CHINA_2026_OCTOBER.isWorkingDay(LocalDate.of(2026, 10, 5))).isFalse();
    }

    @Test
    void calendarDaysIgnoreWeekendsAndHolidays() {
        assertThat(TimeLimit.days(15).lastDayAfter(LocalDate.of(2026, 9, 30), CHINA_2026_OCTOBER))
                .isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(TimeLimit.workingDays(5).lastDayAfter(LocalDate.of(2026, 9, 30), CHINA_2026_OCTOBER))
                .isEqualTo(LocalDate.of(2026, 10, 13));
    }

    @Test
    void workingDaysLeftAreUnknownForAPendingDeadlineOrAYearWithoutAFile() {
        assertThat(CHINA_2026_OCTOBER.workingDaysLeftIfKnown(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 10)))
                .as("8, 9 and the worked Saturday 10 October").hasValue(3);
        assertThat(CHINA_2026_OCTOBER.workingDaysLeftIfKnown(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 9)))
                .as("the worked Saturday 10 and Monday 12 October since").hasValue(-2);
        assertThat(CHINA_2026_OCTOBER.workingDaysLeftIfKnown(LocalDate.of(2026, 12, 30), LocalDate.of(2027, 1, 4)))
                .isEmpty();
        assertThat(CHINA_2026_OCTOBER.workingDaysLeftIfKnown(LocalDate.of(2026, 12, 30), null)).isEmpty();
    }
}
