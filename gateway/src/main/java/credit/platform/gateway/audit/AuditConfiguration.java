package credit.platform.gateway.audit;

import java.time.Clock;

import credit.platform.gateway.audit.domain.AuditLog;
import credit.platform.gateway.audit.domain.ChainKeys;
import credit.platform.gateway.audit.domain.SubjectRefs;
import credit.platform.gateway.audit.mongo.MongoAuditLog;
import credit.platform.gateway.traffic.TravelCheckCounts;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ChainKeys chainKeys(AuditProperties properties) {
        return new ChainKeys(properties.chainKeys(), properties.chainKeyId());
    }

    @Bean
    AuditLog auditLog(ReactiveMongoTemplate mongo, ChainKeys keys, AuditProperties properties) {
        return new MongoAuditLog(mongo, keys, properties.queueCapacity(), properties.queueWait(),
                properties.storeTimeout());
    }

    @Bean
    TravelCheckAudit travelCheckAudit(AuditLog auditLog, SubjectRefs subjectRefs, Clock clock, TravelCheckCounts counts) {
        return new TravelCheckAudit(auditLog, subjectRefs, clock, counts);
    }

    @Bean
    AuditAnchors auditAnchors(AuditLog auditLog, AuditProperties properties) {
        return new AuditAnchors(auditLog, properties.anchorInterval());
    }

    @Bean
    SubjectRefs subjectRefs(AuditProperties properties) {
        return new SubjectRefs(properties.fingerprintKey());
    }
}
