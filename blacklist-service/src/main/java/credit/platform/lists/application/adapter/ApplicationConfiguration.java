package credit.platform.lists.application.adapter;

import credit.platform.lists.application.domain.ApplicationRepository;
import credit.platform.lists.application.domain.ApplicationService;
import credit.platform.lists.definition.domain.ListCatalog;
import credit.platform.lists.definition.domain.WorkingCalendar;
import credit.platform.lists.record.domain.RecordService;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the objection and repair use cases (plain Java) to their adapters. */
@Configuration(proxyBeanMethods = false)
class ApplicationConfiguration {

    @Bean
    ApplicationService applicationService(ListCatalog lists, RecordService records, ApplicationRepository applications,
            WorkingCalendar calendar, Clock clock) {
        return new ApplicationService(lists, records, applications, calendar, clock);
    }
}
