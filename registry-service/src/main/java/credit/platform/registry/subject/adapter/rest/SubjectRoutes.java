package credit.platform.registry.subject.adapter.rest;

import credit.platform.common.security.RestRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The scope each registry route needs; anything not listed is denied. */
@Configuration(proxyBeanMethods = false)
class SubjectRoutes {

    @Bean
    RestRoute createSubject() {
        return RestRoute.post("/api/v1/subjects", "registry.write");
    }

    /** Identifiers, status, review, relationships, permits of a subject; bulk imports. */
    @Bean
    RestRoute changeSubjects() {
        return RestRoute.post("/api/v1/subjects/**", "registry.write");
    }

    @Bean
    RestRoute readSubjects() {
        return RestRoute.get("/api/v1/subjects/**", "registry.read");
    }
}
