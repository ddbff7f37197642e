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

    @Test
    void aYearFileWithoutItsSourceIsRefusedAndOnlyTheShippedYearIsKnown() {
        var unsourced = new org.springframework.core.io.ByteArrayResource(
                "{\"year\":2027,\"holidays\":[\"2027-01-01\"],\"workingWeekends\":[]}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HolidayCalendars.read(List.of(unsourced)))
                .hasMessageContaining("needs its year and its source");

        WorkingCalendar shipped = HolidayCalendars.read(List.of(new ClassPathResource("lists/holidays-cn-2026.json")));
        assertThat(shipped.covers(2026)).isTrue();
        assertThat(shipped.covers(2027)).as("no 2027 notice available: never guessed").isFalse();
        assertThat(shipped.holidays()).hasSize(33);
        assertThat(shipped.workingWeekends()).hasSize(6);
    }
}
