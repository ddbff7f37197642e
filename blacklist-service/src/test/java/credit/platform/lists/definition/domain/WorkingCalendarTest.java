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
        assertThat(WorkingCalendar.WEEKENDS_ONLY.plusWorkingDays(LocalDate.of(2026, 10, 16), 3))
                .isEqualTo(LocalDate.of(2026, 10, 21));
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
}
