package credit.platform.lists.record.adapter.rest;

import credit.platform.common.security.RestRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scope each record route needs; anything not listed is denied. Writing also needs the token's
 * agency to own the list, which the use case checks.
 */
@Configuration(proxyBeanMethods = false)
class RecordRoutes {

    @Bean
    RestRoute createRecord() {
        return RestRoute.post("/api/v1/lists/*/records", "lists.write");
    }

    @Bean
    RestRoute readRecord() {
        return RestRoute.get("/api/v1/lists/*/records/*", "lists.read");
    }

    @Bean
    RestRoute readSubjectRecords() {
        return RestRoute.get("/api/v1/records", "lists.read");
    }

    @Bean
    RestRoute pageListRecords() {
        return RestRoute.get("/api/v1/lists/*/records", "lists.read");
    }

    @Bean
    RestRoute removeRecord() {
        return RestRoute.post("/api/v1/lists/*/records/*/removal", "lists.write");
    }

    @Bean
    RestRoute extendRecord() {
        return RestRoute.post("/api/v1/lists/*/records/*/extension", "lists.write");
    }

    @Bean
    RestRoute publicView() {
        return RestRoute.get("/api/v1/records/public", "lists.read");
    }
}
