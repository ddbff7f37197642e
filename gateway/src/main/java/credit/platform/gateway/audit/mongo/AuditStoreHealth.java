package credit.platform.gateway.audit.mongo;

import java.time.Duration;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit store's health by {@code ping}, which real MongoDB and the embedded mongo-java-server
 * both answer (Boot's own indicator sends {@code hello}, unknown to the embedded server, and is
 * replaced: this bean has its name). Without the audit store no person data may be served.
 */
@Component("mongoHealthIndicator")
class AuditStoreHealth implements ReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;

    AuditStoreHealth(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Health> health() {
        return mongo.executeCommand(new Document("ping", 1))
                .timeout(Duration.ofSeconds(3))
                .map(answer -> Health.up().build())
                .onErrorResume(e -> Mono.just(Health.down().withDetail("error", e.getClass().getSimpleName()).build()));
    }
}
