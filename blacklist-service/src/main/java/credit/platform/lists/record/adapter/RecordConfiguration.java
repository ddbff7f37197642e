package credit.platform.lists.record.adapter;

import credit.platform.lists.definition.domain.ListCatalog;
import credit.platform.lists.record.domain.RecordChangeLog;
import credit.platform.lists.record.domain.RecordRepository;
import credit.platform.lists.record.domain.RecordService;
import credit.platform.lists.record.domain.SubjectDirectory;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the record use cases (plain Java) to their adapters. */
@Configuration(proxyBeanMethods = false)
class RecordConfiguration {

    @Bean
    RecordService recordService(ListCatalog lists, RecordRepository records, SubjectDirectory subjects,
            RecordChangeLog changes, Clock clock) {
        return new RecordService(lists, records, subjects, changes, clock);
    }
}
