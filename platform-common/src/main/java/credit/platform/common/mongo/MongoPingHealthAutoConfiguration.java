package credit.platform.common.mongo;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * MongoDB health by {@code ping}, which real MongoDB and the embedded mongo-java-server both
 * answer. Spring Boot's own indicator sends {@code hello}, which the embedded server does not know
 * ("no such command"), so with it every service reported DOWN on the local stack. Registered under
 * Boot's bean name, so Boot's indicator backs off.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
@ConditionalOnClass({MongoClient.class, HealthIndicator.class})
public class MongoPingHealthAutoConfiguration {

    @Bean(name = "mongoHealthIndicator")
    @ConditionalOnBean(MongoClient.class)
    HealthIndicator mongoHealthIndicator(MongoClient client) {
        return () -> {
            try {
                Document answer = client.getDatabase("admin").runCommand(new Document("ping", 1));
                return Health.up().withDetail("ping", answer.get("ok")).build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }
}
