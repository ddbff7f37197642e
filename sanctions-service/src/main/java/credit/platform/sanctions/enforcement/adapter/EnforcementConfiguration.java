package credit.platform.sanctions.enforcement.adapter;

import credit.lists.v1.ListsServiceGrpc;
import credit.platform.sanctions.enforcement.adapter.catalogue.CatalogueLoader;
import credit.platform.sanctions.enforcement.adapter.remote.GradeFeedSubscriber;
import credit.platform.sanctions.enforcement.adapter.remote.ListsFeedSubscriber;
import credit.platform.sanctions.enforcement.adapter.remote.RegistryFeedSubscriber;
import credit.platform.sanctions.enforcement.domain.CheckEligibility;
import credit.platform.sanctions.enforcement.domain.Enforcement;
import credit.platform.sanctions.enforcement.domain.IndexMaintenance;
import credit.platform.sanctions.enforcement.domain.IndexStore;
import credit.platform.sanctions.enforcement.domain.SubjectDirectory;
import credit.registry.v1.RegistryServiceGrpc;
import credit.scoring.v1.ScoringServiceGrpc;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.ImportGrpcClients;

/**
 * Wires the enforcement index: the catalogue (versioned data), the index and its freshness, the
 * maintenance use case fed by the lists service (channel {@code lists}) and the scoring service's
 * grade changes (channel {@code scoring}, for grade rules), enriched by the registry (channel
 * {@code registry}, whose change feed also re-keys companies' persons), and its local store in MongoDB.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EnforcementProperties.class)
@ImportGrpcClients(target = "registry", types = {RegistryServiceGrpc.RegistryServiceBlockingStub.class,
        RegistryServiceGrpc.RegistryServiceStub.class})
@ImportGrpcClients(target = "lists", types = {ListsServiceGrpc.ListsServiceBlockingStub.class,
        ListsServiceGrpc.ListsServiceStub.class})
@ImportGrpcClients(target = "scoring", types = {ScoringServiceGrpc.ScoringServiceStub.class,
        ScoringServiceGrpc.ScoringServiceBlockingStub.class})
class EnforcementConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Enforcement enforcement(EnforcementProperties props, Clock clock) {
        return new Enforcement(CatalogueLoader.fromClasspath(props.catalogue()), clock, props.staleAfter(),
                props.stalePolicy());
    }

    @Bean
    IndexMaintenance indexMaintenance(Enforcement enforcement, SubjectDirectory directory, IndexStore store) {
        return new IndexMaintenance(enforcement, directory, store);
    }

    @Bean
    ListsFeedSubscriber listsFeedSubscriber(ListsServiceGrpc.ListsServiceBlockingStub blocking,
            ListsServiceGrpc.ListsServiceStub async, IndexMaintenance maintenance, Enforcement enforcement,
            EnforcementProperties props) {
        return new ListsFeedSubscriber(blocking, async, maintenance, enforcement, props.catchUpQuiet(),
                props.maxBackoff());
    }

    @Bean
    GradeFeedSubscriber gradeFeedSubscriber(ScoringServiceGrpc.ScoringServiceStub scoring,
            ScoringServiceGrpc.ScoringServiceBlockingStub scoringBlocking, IndexMaintenance maintenance,
            Enforcement enforcement, EnforcementProperties props) {
        return new GradeFeedSubscriber(scoring, scoringBlocking, maintenance, enforcement, props.catchUpQuiet(),
                props.maxBackoff());
    }

    @Bean
    RegistryFeedSubscriber registryFeedSubscriber(RegistryServiceGrpc.RegistryServiceStub registry,
            IndexMaintenance maintenance, Enforcement enforcement, EnforcementProperties props) {
        return new RegistryFeedSubscriber(registry, maintenance, enforcement, props.catchUpQuiet(), props.maxBackoff());
    }

    @Bean
    CheckEligibility checkEligibility(Enforcement enforcement, Clock clock) {
        return new CheckEligibility(enforcement, clock);
    }
}
