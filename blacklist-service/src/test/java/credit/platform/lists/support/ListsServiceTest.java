package credit.platform.lists.support;

import credit.platform.testsupport.GrpcTestCalls;

import credit.platform.common.grpc.ServiceTokenSource;
import credit.platform.testsupport.MongoTestServer;
import credit.platform.testsupport.TestHttp;
import credit.platform.testsupport.TestTokens;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The lists service in one Spring Boot app for its tests: REST and gRPC with real JWT validation
 * (a test key), MongoDB from {@link MongoTestServer}, and {@link FakeRegistry} on a real port as the
 * stand-in for registry-service. Subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ListsServiceTest.TestBeans.class)
public abstract class ListsServiceTest {

    protected static final TestTokens TOKENS = new TestTokens();
    protected static final int GRPC_PORT = TestHttp.freePort();
    protected static final FakeRegistry REGISTRY = new FakeRegistry().start(TestHttp.freePort());
    protected static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-10-15T02:00:00Z"));
    private static ManagedChannel channel;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        MongoTestServer.register(registry, "lists-test");
        registry.add("spring.grpc.server.port", () -> GRPC_PORT);
        // Tests run the expiry sweep and the overdue count themselves, after moving the clock.
        registry.add("credit.lists.expiry.initial-delay", () -> "PT1H");
        registry.add("credit.lists.expiry.sweep-interval", () -> "PT1H");
        registry.add("credit.lists.applications.metric-initial-delay", () -> "PT1H");
        registry.add("credit.lists.applications.metric-interval", () -> "PT1H");
        registry.add("credit.lists.feed.compaction-initial-delay", () -> "PT1H");
        registry.add("spring.grpc.server.address", () -> "127.0.0.1");
        registry.add("spring.grpc.client.channel.registry.target", () -> "static://127.0.0.1:" + REGISTRY.port());
        registry.add("credit.remote-calls.calls.registry-register.deadline", () -> "2s");
        registry.add("credit.remote-calls.calls.registry-register.retry-wait", () -> "10ms");
        // Breakers are not under test here: a failing-registry test must not open it for the next.
        registry.add("credit.remote-calls.calls.registry-register.minimum-number-of-calls", () -> "1000");
        registry.add("credit.remote-calls.calls.registry-register.sliding-window-size", () -> "1000");
    }

    @TestConfiguration
    static class TestBeans {
        @Bean
        JwtDecoder jwtDecoder() {
            return TOKENS.jwtDecoder();
        }

        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }

        /** This service's own token for its registry calls, signed by the test key instead of Keycloak. */
        @Bean
        ServiceTokenSource testServiceTokens() {
            return new credit.platform.testsupport.FixedServiceTokenSource(
                    TOKENS.token("credit-services", "registry.read registry.write lists.read scoring.read platform.internal"));
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected MongoTemplate mongo;

    protected TestHttp http;

    @BeforeEach
    void resetWorld() {
        http = new TestHttp("http://localhost:" + port);
        // Definitions stay (seeded at start-up); records and the log start empty.
        mongo.remove(new Query(), "records");
        mongo.remove(new Query(), "change_log");
        mongo.remove(new Query(), "applications");
        mongo.remove(new Query(), "change_log_state");
        REGISTRY.reset();
        CLOCK.set(Instant.parse("2026-10-15T02:00:00Z"));
    }

    protected static synchronized ManagedChannel channel() {
        if (channel == null) {
            channel = ManagedChannelBuilder.forAddress("127.0.0.1", GRPC_PORT).usePlaintext().build();
        }
        return channel;
    }

    protected static String court() {
        return TOKENS.token("court-demo", "lists.read lists.write registry.read", Map.of("agency", "SPC"),
                TestTokens.ISSUER, TestTokens.AUDIENCE, Instant.now().plusSeconds(300));
    }

    protected static String agency(String clientId, String agency) {
        return TOKENS.token(clientId, "lists.read lists.write registry.read", Map.of("agency", agency),
                TestTokens.ISSUER, TestTokens.AUDIENCE, Instant.now().plusSeconds(300));
    }

    protected static String reader() {
        return TOKENS.token("credit-services", "registry.read registry.write lists.read scoring.read platform.internal");
    }

    protected long count(String collection) {
        return mongo.getCollection(collection).countDocuments();
    }

    protected static CallCredentials bearer(String token) {
        return GrpcTestCalls.bearer(token);
    }

    /** A new-record body for a person named by resident ID. */
    protected static String debtor(String residentId, String effectiveFrom, String effectiveUntil) {
        return """
                {"subject":{"kind":"PERSON","scheme":"RESIDENT_ID","value":"%s","issuingCountry":null,"name":"张三"},
                 "caseNumber":"(2026)京0105执123号","legalGround":"有履行能力而拒不履行生效法律文书确定义务",
                 "facts":"未按执行通知履行给付义务","effectiveFrom":"%s","effectiveUntil":%s}
                """.formatted(residentId, effectiveFrom, effectiveUntil == null ? "null" : "\"" + effectiveUntil + "\"");
    }

    /** A new-record body for a legal entity named by USCC, on a penalty or SAMR list. */
    protected static String company(String uscc, String effectiveFrom) {
        return """
                {"subject":{"kind":"LEGAL_ENTITY","scheme":"USCC","value":"%s","name":"某某贸易有限公司"},
                 "caseNumber":"厦市监处罚〔2026〕88号","legalGround":"虚假宣传","facts":"罚款五万元",
                 "effectiveFrom":"%s"}
                """.formatted(uscc, effectiveFrom);
    }
}
