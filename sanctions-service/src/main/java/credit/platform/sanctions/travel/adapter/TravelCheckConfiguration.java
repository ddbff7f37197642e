package credit.platform.sanctions.travel.adapter;

import credit.platform.sanctions.enforcement.domain.Enforcement;
import credit.platform.sanctions.travel.domain.CheckCounter;
import credit.platform.sanctions.travel.domain.CheckTravel;
import credit.platform.sanctions.travel.adapter.receipt.ReceiptProperties;
import credit.platform.sanctions.travel.domain.DecisionLog;
import credit.platform.sanctions.travel.domain.DocumentDigests;
import credit.platform.sanctions.travel.domain.Receipts;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the travel-check use case (plain Java) to the enforcement index, the decision log in
 * MongoDB, the receipt keys and Micrometer counters. No remote call per check.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.context.properties.EnableConfigurationProperties(ReceiptProperties.class)
class TravelCheckConfiguration {

    /**
     * @param receiptGroupInterval {@code credit.travel.receipt-group-interval}: least time between two
     *                             receipt signatures while single answers come concurrently (see ReceiptSigner)
     */
    @Bean
    DocumentDigests documentDigests(ReceiptProperties properties) {
        return new DocumentDigests(properties.documentKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Bean
    CheckTravel checkTravel(Enforcement enforcement, DecisionLog log, CheckCounter counter, Receipts receipts,
            Clock clock, DocumentDigests documents, ReceiptProperties properties,
            @Value("${credit.travel.receipt-group-interval:1ms}") Duration receiptGroupInterval) {
        // Opaque and unguessable: an id reveals nothing and cannot be enumerated.
        return new CheckTravel(enforcement, log, counter, receipts, () -> "TD-" + UUID.randomUUID(), clock, documents,
                properties.validFor(), receiptGroupInterval);
    }
}
