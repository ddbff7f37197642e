package credit.platform.sanctions.travel.adapter.rest;

import credit.platform.common.security.RestRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The scope each travel-check route needs; anything not listed is denied. */
@Configuration(proxyBeanMethods = false)
class TravelCheckRoutes {

    @Bean
    RestRoute travelChecks() {
        return RestRoute.post("/api/v1/travel-checks", "travel.check");
    }

    @Bean
    RestRoute travelCheckBatch() {
        return RestRoute.post("/api/v1/travel-checks/batch", "travel.check");
    }

    @Bean
    RestRoute receiptVerification() {
        return RestRoute.post("/api/v1/travel-checks/receipts/verify", "travel.check");
    }

    @Bean
    RestRoute receiptKeys() {
        return RestRoute.get("/api/v1/travel-checks/receipt-keys", "travel.check");
    }
}
