package credit.platform.scoring.score.adapter;

import credit.lists.v1.ListsServiceGrpc;
import credit.platform.scoring.score.adapter.model.YamlModelCatalogue;
import credit.platform.scoring.score.domain.ModelCatalogue;
import credit.platform.scoring.score.domain.RecordSource;
import credit.platform.scoring.score.domain.ScoreHistory;
import credit.platform.scoring.score.domain.ScoreSubject;
import credit.platform.scoring.score.domain.SubjectDirectory;
import credit.registry.v1.RegistryServiceGrpc;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.ImportGrpcClients;

/**
 * Wires the scoring use case (plain Java) to its adapters: the registry and lists services over
 * gRPC (channels {@code registry} and {@code lists}, targets in {@code spring.grpc.client.channel.*}),
 * the models from YAML, the history in MongoDB.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScoringConfiguration.ScoringProperties.class)
@ImportGrpcClients(target = "registry", types = RegistryServiceGrpc.RegistryServiceBlockingStub.class)
@ImportGrpcClients(target = "lists", types = ListsServiceGrpc.ListsServiceBlockingStub.class)
class ScoringConfiguration {

    /** @param models where the model files are, a resource pattern */
    @ConfigurationProperties("credit.scoring")
    record ScoringProperties(@DefaultValue("classpath*:models/*.yaml") String models) {
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ModelCatalogue modelCatalogue(ScoringProperties properties) {
        return YamlModelCatalogue.load(properties.models());
    }

    @Bean
    ScoreSubject scoreSubject(SubjectDirectory subjects, RecordSource records, ModelCatalogue models,
            ScoreHistory history, Clock clock) {
        return new ScoreSubject(subjects, records, models, history, clock);
    }
}
