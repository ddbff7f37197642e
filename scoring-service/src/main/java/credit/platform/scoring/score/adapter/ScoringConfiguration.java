package credit.platform.scoring.score.adapter;

import credit.lists.v1.ListsServiceGrpc;
import credit.platform.scoring.score.adapter.model.MongoModelCatalogue;
import credit.platform.scoring.score.adapter.model.YamlModelCatalogue;
import credit.platform.scoring.score.adapter.remote.ChangeFeedFollower;
import credit.platform.scoring.score.domain.BatchRecompute;
import credit.platform.scoring.score.domain.CompanyRegister;
import credit.platform.scoring.score.domain.PublicGrades;
import credit.platform.scoring.score.domain.FeedCheckpoints;
import credit.platform.scoring.score.domain.FollowChanges;
import credit.platform.scoring.score.domain.GradeChanges;
import credit.platform.scoring.score.domain.ModelCatalogue;
import credit.platform.scoring.score.domain.PermitSource;
import credit.platform.scoring.score.domain.RecomputeJobs;
import credit.platform.scoring.score.domain.RecordSource;
import credit.platform.scoring.score.domain.RelationshipSource;
import credit.platform.scoring.score.domain.ScoreHistory;
import credit.platform.scoring.score.domain.ScoreSchedule;
import credit.platform.scoring.score.domain.ScoreSubject;
import credit.platform.scoring.score.domain.TimeDrivenRecompute;
import credit.platform.scoring.score.domain.SubjectDirectory;
import credit.registry.v1.RegistryServiceGrpc;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.grpc.client.ImportGrpcClients;

/**
 * Wires the scoring use cases (plain Java) to their adapters: the registry and lists services over
 * gRPC (channels {@code registry} and {@code lists}, targets in {@code spring.grpc.client.channel.*}),
 * the models in MongoDB seeded from the YAML files, the history, grade changes, feed checkpoints and
 * recompute jobs in MongoDB, and the change-feed follower.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScoringConfiguration.ScoringProperties.class)
@ImportGrpcClients(target = "registry", types = {RegistryServiceGrpc.RegistryServiceBlockingStub.class,
        RegistryServiceGrpc.RegistryServiceStub.class})
@ImportGrpcClients(target = "lists", types = {ListsServiceGrpc.ListsServiceBlockingStub.class,
        ListsServiceGrpc.ListsServiceStub.class})
class ScoringConfiguration {

    /**
     * @param models                 where the model seed files are, a resource pattern
     * @param followChanges          follow the lists (and registry) change feeds
     * @param feedMaxBackoff         the longest wait before reopening a broken feed
     * @param recomputeCheckpointEvery how many subjects a batch recompute does between progress saves
     * @param recomputeParallelism   how many subjects a batch recompute scores at once
     * @param timeDriven             the recompute of scores that change with time alone
     */
    @ConfigurationProperties("credit.scoring")
    record ScoringProperties(@DefaultValue("classpath*:models/*.yaml") String models,
            @DefaultValue("true") boolean followChanges, @DefaultValue("30s") Duration feedMaxBackoff,
            @DefaultValue("500") int recomputeCheckpointEvery, @DefaultValue("4") int recomputeParallelism,
            @DefaultValue TimeDriven timeDriven) {
    }

    /**
     * @param interval how often due entries are looked for; 0 = never
     * @param batch    the most entries one run recomputes
     */
    record TimeDriven(@DefaultValue("1m") Duration interval, @DefaultValue("200") int batch) {
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ModelCatalogue modelCatalogue(ScoringProperties properties, MongoTemplate mongo, Clock clock) {
        return new MongoModelCatalogue(mongo, clock, YamlModelCatalogue.seeds(properties.models()));
    }

    @Bean
    ScoreSubject scoreSubject(SubjectDirectory subjects, RecordSource records, RelationshipSource relationships,
            PermitSource permits, ModelCatalogue models, ScoreHistory history, GradeChanges gradeChanges,
            ScoreSchedule schedule, Clock clock) {
        return new ScoreSubject(subjects, records, relationships, permits, models, history, gradeChanges, schedule,
                clock);
    }

    @Bean
    TimeDrivenRecompute timeDrivenRecompute(ScoreSubject scores, ScoreSchedule schedule, Clock clock) {
        return new TimeDrivenRecompute(scores, schedule, clock);
    }

    /** Versions still to take effect bring forward the plans of the subjects their model scores. */
    @Bean
    ApplicationRunner planUpcomingModelVersions(TimeDrivenRecompute timeDriven, ModelCatalogue models) {
        return args -> timeDriven.planUpcomingVersions(models.all());
    }

    @Bean
    TimeDrivenScheduler timeDrivenScheduler(TimeDrivenRecompute recompute, ScoringProperties properties) {
        return new TimeDrivenScheduler(recompute, properties.timeDriven().interval(), properties.timeDriven().batch());
    }

    @Bean
    PublicGrades publicGrades(CompanyRegister register, SubjectDirectory subjects, ScoreSubject scores) {
        return new PublicGrades(register, subjects, scores);
    }

    @Bean
    FollowChanges followChanges(ScoreSubject scores, FeedCheckpoints checkpoints) {
        return new FollowChanges(scores, checkpoints);
    }

    @Bean
    BatchRecompute batchRecompute(ScoreSubject scores, ModelCatalogue models, RecordSource records,
            ScoreHistory history, RecomputeJobs jobs, Clock clock, ScoringProperties properties) {
        return new BatchRecompute(scores, models, records, history, jobs, Executors.newVirtualThreadPerTaskExecutor(),
                clock, properties.recomputeCheckpointEvery(), properties.recomputeParallelism());
    }

    /** Jobs a restart left unfinished continue where they saved their progress. */
    @Bean
    ApplicationRunner resumeRecomputeJobs(BatchRecompute batch) {
        return args -> batch.resumeUnfinished();
    }

    @Bean
    @ConditionalOnProperty(name = "credit.scoring.follow-changes", havingValue = "true", matchIfMissing = true)
    ChangeFeedFollower changeFeedFollower(ListsServiceGrpc.ListsServiceStub listsAsync,
            ListsServiceGrpc.ListsServiceBlockingStub lists, RegistryServiceGrpc.RegistryServiceStub registry,
            FollowChanges follow, ScoringProperties properties) {
        return new ChangeFeedFollower(listsAsync, lists, registry, follow, properties.feedMaxBackoff());
    }
}
