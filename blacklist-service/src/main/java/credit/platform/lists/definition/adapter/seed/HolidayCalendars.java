package credit.platform.lists.definition.adapter.seed;

import credit.platform.lists.definition.domain.WorkingCalendar;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The working-day calendar legal deadlines are counted in: weekends, plus the public holidays and
 * working weekends of each year file named in {@code credit.lists.holidays} (data, e.g.
 * {@code lists/holidays-cn-2026.json}, each naming its {@code year} and its {@code source}, the State
 * Council General Office's notice). A year without a file is not known: a deadline that reaches into
 * it is refused and flagged, never counted on weekends alone (see {@code WorkingCalendar}).
 */
@Configuration(proxyBeanMethods = false)
class HolidayCalendars {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    WorkingCalendar workingCalendar(@Value("${credit.lists.holidays:}") Resource[] years) {
        return read(List.of(years));
    }

    static WorkingCalendar read(List<Resource> years) {
        Set<Integer> known = new HashSet<>();
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workingWeekends = new HashSet<>();
        for (Resource year : years) {
            try (InputStream in = year.getInputStream()) {
                Year data = JSON.readValue(in, Year.class);
                if (data.year() == null || data.source() == null || data.source().isBlank()) {
                    throw new IllegalStateException("the holiday calendar " + year + " needs its year and its source");
                }
                known.add(data.year());
                data.holidays().forEach(d -> holidays.add(LocalDate.parse(d)));
                data.workingWeekends().forEach(d -> workingWeekends.add(LocalDate.parse(d)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the holiday calendar " + year, e);
            }
        }
        return new WorkingCalendar(known, holidays, workingWeekends);
    }

    /** One year's file: the year, the notice it is copied from, its days off and its working weekends. */
    record Year(Integer year, String source, List<String> holidays, List<String> workingWeekends) {
    }
}
