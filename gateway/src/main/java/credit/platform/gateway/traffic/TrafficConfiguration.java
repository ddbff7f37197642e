package credit.platform.gateway.traffic;

import java.net.InetAddress;
import java.time.Clock;
import java.util.UUID;

import credit.platform.gateway.audit.domain.AuditLog;
import credit.platform.gateway.problem.ProblemWriter;
import credit.platform.gateway.security.GatewayServiceToken;
import credit.platform.gateway.traffic.mongo.MongoBudgetTable;
import io.micrometer.observation.ObservationRegistry;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** The front door's traffic pieces: budgets shared by replicas, admission per route, in-memory counts. */
@Configuration(proxyBeanMethods = false)
class TrafficConfiguration {

    @Bean
    BudgetTable budgetTable(ReactiveMongoTemplate mongo) {
        return new MongoBudgetTable(mongo);
    }

    @Bean
    ClientBudgets clientBudgets(TrafficProperties properties, BudgetTable table, Clock clock) {
        return new ClientBudgets(properties, table, replicaId(properties), clock, System::nanoTime);
    }

    @Bean
    RateLimitFilter rateLimitFilter(ClientBudgets budgets, ProblemWriter problems) {
        return new RateLimitFilter(budgets, problems);
    }

    @Bean(destroyMethod = "close")
    Admissions admissions(TrafficProperties properties) {
        return new Admissions(properties);
    }

    @Bean
    AdmissionFilter admissionFilter(Admissions admissions, ProblemWriter problems) {
        return new AdmissionFilter(admissions, problems);
    }

    @Bean
    TravelCheckCounts travelCheckCounts(AuditLog auditLog, Clock clock, TrafficProperties properties) {
        return new TravelCheckCounts(auditLog, clock, properties.countsFlushInterval());
    }

    /** Travel checks, single and batch, passed to sanctions outside Spring Cloud Gateway's route chain. */
    @Bean
    TravelCheckProxy travelCheckProxy(HttpClient gatewayHttpClient,
            @Value("${credit.gateway.sanctions-uri:http://localhost:8084}") String sanctions, GatewayServiceToken relay,
            ReactiveCircuitBreakerFactory<?, ?> breakers, TrafficProperties properties,
            ObjectProvider<ObservationRegistry> observations) {
        return new TravelCheckProxy(gatewayHttpClient, sanctions, relay, breakers, properties,
                observations.getIfAvailable(() -> ObservationRegistry.NOOP),
                java.util.Set.of(TrafficProperties.TRAVEL_ROUTE, TrafficProperties.BATCH_ROUTE));
    }

    @Bean
    TravelCheckRouting travelCheckRouting(TravelCheckProxy proxy) {
        return new TravelCheckRouting(proxy);
    }

    /** The configured id, else the host name (a Kubernetes pod's name), else a random one. */
    static String replicaId(TrafficProperties properties) {
        if (!properties.replicas().id().isBlank()) {
            return properties.replicas().id();
        }
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = null;
            }
        }
        return (host == null || host.isBlank() ? "gateway" : host) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
