package credit.platform.sanctions.travel.adapter;

import credit.lists.v1.ListsServiceGrpc;
import credit.platform.sanctions.travel.domain.CheckCounter;
import credit.platform.sanctions.travel.domain.CheckTravel;
import credit.platform.sanctions.travel.domain.DecisionLog;
import credit.platform.sanctions.travel.domain.IdentityResolver;
import credit.platform.sanctions.travel.domain.RecordSource;
import credit.registry.v1.RegistryServiceGrpc;
import java.time.Clock;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.ImportGrpcClients;

/**
 * Wires the travel-check use case (plain Java) to its adapters: registry and lists over gRPC
 * (channels {@code registry} and {@code lists}), the decision log in MongoDB, Micrometer counters.
 */
@Configuration(proxyBeanMethods = false)
@ImportGrpcClients(target = "registry", types = RegistryServiceGrpc.RegistryServiceBlockingStub.class)
@ImportGrpcClients(target = "lists", types = ListsServiceGrpc.ListsServiceBlockingStub.class)
class TravelCheckConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CheckTravel checkTravel(IdentityResolver identities, RecordSource records, DecisionLog log, CheckCounter counter,
            Clock clock) {
        // Opaque and unguessable: a reference reveals nothing and cannot be enumerated.
        return new CheckTravel(identities, records, log, counter, () -> "TD-" + UUID.randomUUID(), clock);
    }
}
