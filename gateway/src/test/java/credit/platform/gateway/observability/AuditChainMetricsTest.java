package credit.platform.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import credit.platform.gateway.audit.domain.AuditEntry;
import credit.platform.gateway.audit.mongo.MongoAuditLog;
import credit.platform.testsupport.MongoTestServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** The audit-chain gauges read the real chain: its head, and whether it is intact, after a tampering too. */
class AuditChainMetricsTest {

    MongoClient client;
    ReactiveMongoTemplate mongo;
    MongoAuditLog log;
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    AuditChainMetrics metrics;

    @BeforeEach
    void freshChain() {
        String db = "audit-" + UUID.randomUUID();
        client = MongoClients.create(MongoTestServer.uri(db).replace("/" + db, ""));
        mongo = new ReactiveMongoTemplate(client, db);
        log = new MongoAuditLog(mongo, new credit.platform.gateway.audit.domain.ChainKeys(
                java.util.Map.of("k1", "the-audit-chain-key-of-the-gateway-001"), "k1"), 10_000, Duration.ofSeconds(60),
                Duration.ofSeconds(30));
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("clock", clock);
        metrics = new AuditChainMetrics(log, meters, beans.getBeanProvider(Clock.class), Duration.ofSeconds(15),
                Duration.ofMinutes(10));
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void beforeAnythingIsKnownTheGaugesSayNothingRatherThanAllIsWell() {
        assertThat(gauge("audit.chain.intact")).isNaN();
        assertThat(gauge("audit.chain.head.sequence")).isNaN();
        assertThat(gauge("audit.chain.verification.age")).isNaN();
        metrics.refreshHead().block();
        assertThat(gauge("audit.chain.head.sequence")).isZero();
    }

    @Test
    void theHeadAndAnIntactChainAreExported() {
        append(4);
        metrics.refreshHead().block();
        metrics.verifyNow().block();
        clock.advance(Duration.ofSeconds(90));

        assertThat(gauge("audit.chain.head.sequence")).isEqualTo(4);
        assertThat(gauge("audit.chain.intact")).isEqualTo(1);
        assertThat(gauge("audit.chain.verified.entries")).isEqualTo(4);
        assertThat(gauge("audit.chain.verification.age")).isEqualTo(90);
    }

    @Test
    void anAlteredEntryTurnsTheIntactGaugeToZero() {
        append(5);
        metrics.verifyNow().block();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(3L)), Update.update("purpose", "LICENSING"),
                "audit_entries").block();

        metrics.verifyNow().block();

        assertThat(gauge("audit.chain.intact")).isZero();
        assertThat(gauge("audit.chain.verification.age")).isZero();
    }

    private void append(int n) {
        for (int i = 1; i <= n; i++) {
            log.append(new AuditEntry.Draft(Instant.parse("2026-01-01T00:00:00Z").plusMillis(i), "client-a", "SPC",
                    "ENFORCEMENT", List.of("subject:s" + i), "GET", "GET /api/v1/subjects/**", 200)).block();
        }
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
