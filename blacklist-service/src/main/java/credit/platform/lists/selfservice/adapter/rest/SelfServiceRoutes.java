package credit.platform.lists.selfservice.adapter.rest;

import credit.platform.common.security.RestRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call the public, self-service and desk routes (docs/security.md): public reads are open
 * (public-by-law data only); {@code /api/v1/me/**} needs a person's token (resident_id claim),
 * {@code /api/v1/me/company/**} a company representative's (uscc claim) — identity from the token,
 * never a parameter; {@code /api/v1/desk/**} needs {@code desk.officer} (the agency claim then decides).
 */
@Configuration(proxyBeanMethods = false)
class SelfServiceRoutes {

    static final String DESK = "desk.officer";

    /** The lists whose definition says PUBLIC and their rules: public by law. */
    @Bean
    RestRoute publicLists() {
        return RestRoute.openGet("/api/v1/public/lists");
    }

    /** A public list's records in force, persons' identifiers masked. */
    @Bean
    RestRoute publicListEntries() {
        return RestRoute.openGet("/api/v1/public/lists/*/records");
    }

    /** A company's records in force on public lists (by USCC). */
    @Bean
    RestRoute publicCompanyRecords() {
        return RestRoute.openGet("/api/v1/public/companies/*/records");
    }

    @Bean
    RestRoute companyReadsOwn() {
        return RestRoute.company(HttpMethod.GET, "/api/v1/me/company/**");
    }

    @Bean
    RestRoute companyFilesOwn() {
        return RestRoute.company(HttpMethod.POST, "/api/v1/me/company/records/*/*");
    }

    @Bean
    RestRoute personReadsOwnRecords() {
        return RestRoute.person(HttpMethod.GET, "/api/v1/me/records/**");
    }

    @Bean
    RestRoute personReadsOwnRecordList() {
        return RestRoute.person(HttpMethod.GET, "/api/v1/me/records");
    }

    @Bean
    RestRoute personReadsOwnApplications() {
        return RestRoute.person(HttpMethod.GET, "/api/v1/me/applications");
    }

    @Bean
    RestRoute personFilesOwn() {
        return RestRoute.person(HttpMethod.POST, "/api/v1/me/records/*/*");
    }

    @Bean
    RestRoute deskReads() {
        return RestRoute.get("/api/v1/desk/**", DESK);
    }

    @Bean
    RestRoute deskDecides() {
        return RestRoute.post("/api/v1/desk/applications/*/decision", DESK);
    }
}
