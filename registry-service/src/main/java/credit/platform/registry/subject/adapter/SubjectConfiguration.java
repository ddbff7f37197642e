package credit.platform.registry.subject.adapter;

import credit.platform.registry.bulkimport.domain.ImportRepository;
import credit.platform.registry.bulkimport.domain.ImportService;
import credit.platform.registry.permit.domain.PermitRepository;
import credit.platform.registry.permit.domain.PermitService;
import credit.platform.registry.relationship.domain.RelationshipRepository;
import credit.platform.registry.relationship.domain.RelationshipService;
import credit.platform.registry.subject.domain.SubjectRepository;
import credit.platform.registry.subject.domain.SubjectService;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the registry's use cases (plain Java) to their adapters. */
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

    @Bean
    RelationshipService relationshipService(RelationshipRepository relationships, SubjectService subjects, Clock clock) {
        return new RelationshipService(relationships, subjects, clock);
    }

    @Bean
    PermitService permitService(PermitRepository permits, SubjectService subjects, Clock clock) {
        return new PermitService(permits, subjects, clock);
    }

    @Bean
    ImportService importService(ImportRepository imports, SubjectService subjects, RelationshipService relationships,
            PermitService permits, Clock clock) {
        return new ImportService(imports, subjects, relationships, permits, clock);
    }
}
