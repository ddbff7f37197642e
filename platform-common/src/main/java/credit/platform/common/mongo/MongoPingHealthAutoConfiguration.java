package credit.platform.common.mongo;

import com.mongodb.client.MongoClient;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * MongoDB health by {@code ping}, which real MongoDB and the embedded mongo-java-server both
 * answer. Spring Boot's own indicator sends {@code hello}, which the embedded server does not know
 * ("no such command"), so with it every service reported DOWN on the local stack. Registered under
 * Boot's bean name, so Boot's indicator backs off. The ping runs in the background
 * ({@link MongoReachability}), so readiness answers at once while the database is away.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
@ConditionalOnClass({MongoClient.class, HealthIndicator.class})
@EnableConfigurationProperties(MongoPingHealthAutoConfiguration.MongoHealth.class)
public class MongoPingHealthAutoConfiguration {

    /**
     * @param interval     how often the background ping is sent
     * @param answerWithin how long a ping may wait for its answer before health says DOWN
     */
    @ConfigurationProperties("credit.mongo.health")
    public record MongoHealth(@DefaultValue("1s") Duration interval, @DefaultValue("1s") Duration answerWithin) {
    }

    @Bean(name = "mongoHealthIndicator")
    @ConditionalOnBean(MongoClient.class)
    MongoReachability mongoHealthIndicator(MongoClient client, MongoHealth settings) {
        return new MongoReachability(client, settings.interval(), settings.answerWithin());
    }
}
