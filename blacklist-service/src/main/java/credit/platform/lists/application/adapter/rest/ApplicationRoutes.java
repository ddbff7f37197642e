package credit.platform.lists.application.adapter.rest;

import credit.platform.common.security.RestRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The scope each objection / repair route needs; deciding also needs the record's authority (checked by the use case). */
@Configuration(proxyBeanMethods = false)
class ApplicationRoutes {

    @Bean
    RestRoute fileObjection() {
        return RestRoute.post("/api/v1/lists/*/records/*/objections", "lists.write");
    }

    @Bean
    RestRoute fileRepair() {
        return RestRoute.post("/api/v1/lists/*/records/*/repairs", "lists.write");
    }

    @Bean
    RestRoute requestDeletion() {
        return RestRoute.post("/api/v1/lists/*/records/*/deletion-requests", "lists.write");
    }

    @Bean
    RestRoute readApplications() {
        return RestRoute.get("/api/v1/lists/*/records/*/applications/**", "lists.read");
    }

    @Bean
    RestRoute readApplicationsOfRecord() {
        return RestRoute.get("/api/v1/lists/*/records/*/applications", "lists.read");
    }

    @Bean
    RestRoute acknowledgeApplication() {
        return RestRoute.post("/api/v1/lists/*/records/*/applications/*/acknowledgement", "lists.write");
    }

    @Bean
    RestRoute decideApplication() {
        return RestRoute.post("/api/v1/lists/*/records/*/applications/*/decision", "lists.write");
    }

    @Bean
    RestRoute overdueApplications() {
        return RestRoute.get("/api/v1/lists/applications/overdue", "lists.read");
    }
}
