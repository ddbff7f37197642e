package credit.platform.registry.subject.adapter;

import credit.platform.registry.subject.domain.SubjectRepository;
import credit.platform.registry.subject.domain.SubjectService;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the subject use cases (plain Java) to their adapters. */
@Configuration(proxyBeanMethods = false)
class SubjectConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SubjectService subjectService(SubjectRepository subjects, Clock clock) {
        return new SubjectService(subjects, clock);
    }
}
