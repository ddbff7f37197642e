package credit.platform.lists.definition.adapter.seed;

import static org.assertj.core.api.Assertions.assertThat;

import credit.platform.lists.definition.domain.WorkingCalendar;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class HolidayCalendarsTest {

    @Test
    void chinas2026HolidaysAndWorkedWeekendsAreReadFromTheDataFile() {
        WorkingCalendar calendar = HolidayCalendars.read(List.of(new ClassPathResource("lists/holidays-cn-2026.json")));

        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 17))).as("Spring Festival").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).as("worked Saturday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).as("National Day").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 16))).as("an ordinary Friday").isTrue();
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 10));
    }
}
