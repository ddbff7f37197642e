package credit.platform.common.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;

/**
 * How every app of the platform behaves while its database cannot be reached (docs/architecture.md,
 * "A database away"):
 * <ul>
 *   <li>a request that needs the database fails within {@code credit.mongo.server-selection-timeout}
 *       (default 3 s, below the gateway's per-route timeouts) instead of the driver's 30 s, so the
 *       client gets the service's own answer, not the gateway's timeout;</li>
 *   <li>that answer is a 503 problem {@value DatabaseUnavailable#PROBLEM_TYPE} (servlet services,
 *       {@link DatabaseUnavailableProblemHandler}) or {@code UNAVAILABLE} (gRPC,
 *       {@link DatabaseUnavailableGrpcHandler}).</li>
 * </ul>
 * Readiness follows the database: each app puts {@code mongo} in its readiness group (its
 * {@code application.yml}); liveness does not, so a database outage never restarts a pod.
 */
@AutoConfiguration(beforeName = {"org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        "org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration"})
@ConditionalOnClass({MongoClientSettings.class, MongoClientSettingsBuilderCustomizer.class})
@EnableConfigurationProperties(DatabaseAvailabilityAutoConfiguration.MongoTimeouts.class)
public class DatabaseAvailabilityAutoConfiguration {

    /**
     * @param serverSelectionTimeout how long a request waits for a reachable server before it fails;
     *                               a {@code serverSelectionTimeoutMS} in the connection string wins
     */
    @ConfigurationProperties("credit.mongo")
    public record MongoTimeouts(@DefaultValue("3s") Duration serverSelectionTimeout) {
    }

    @Bean
    MongoClientSettingsBuilderCustomizer creditMongoTimeouts(MongoTimeouts timeouts,
            ObjectProvider<MongoConnectionDetails> connection) {
        return new ServerSelectionTimeout(timeouts.serverSelectionTimeout(), connection);
    }

    /** Applied after Boot's own customizer (order 0), which applies the connection string. */
    record ServerSelectionTimeout(Duration timeout, ObjectProvider<MongoConnectionDetails> connection)
            implements MongoClientSettingsBuilderCustomizer, Ordered {

        @Override
        public void customize(MongoClientSettings.Builder builder) {
            MongoConnectionDetails details = connection.getIfAvailable();
            ConnectionString uri = details == null ? null : details.getConnectionString();
            if (uri != null && uri.getServerSelectionTimeout() != null) {
                return;
            }
            builder.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(timeout.toMillis(),
                    TimeUnit.MILLISECONDS));
        }

        @Override
        public int getOrder() {
            return 10;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Import(DatabaseUnavailableProblemHandler.class)
    static class Servlet {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(GrpcExceptionHandler.class)
    static class Grpc {
        @Bean
        DatabaseUnavailableGrpcHandler databaseUnavailableGrpcHandler() {
            return new DatabaseUnavailableGrpcHandler();
        }
    }
}
