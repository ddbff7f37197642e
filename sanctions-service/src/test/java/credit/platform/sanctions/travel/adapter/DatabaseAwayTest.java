package credit.platform.sanctions.travel.adapter;

import static credit.platform.testsupport.DatabaseOutage.assertDatabaseUnavailable;
import static org.assertj.core.api.Assertions.assertThat;

import credit.platform.common.grpc.ServiceTokenSource;
import credit.platform.testsupport.DatabaseOutage;
import credit.platform.testsupport.FakeGrpcServer;
import credit.platform.testsupport.FixedServiceTokenSource;
import credit.platform.testsupport.TestHttp;
import credit.platform.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sanctions service while its database is away (the real service on an embedded Mongo server that
 * is stopped and started again: {@link DatabaseOutage}'s drill; lists, registry and scoring are fakes): an ALLOW is still answered
 * from the in-memory index (only denials are logged), a DENY, which must be logged, is a 503 problem
 * {@code database-unavailable} (never a 500, never an unlogged denial), readiness answers 503 (from
 * the background ping) while liveness stays 200, and everything comes back by itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseAwayTest {

    static final DatabaseOutage OUTAGE = new DatabaseOutage("sanctions-away");
    static final TestTokens TOKENS = new TestTokens();
    static final FakeRegistryService REGISTRY = new FakeRegistryService();
    static final FakeListsService LISTS = new FakeListsService();
    static final FakeGrpcServer REGISTRY_SERVER = new FakeGrpcServer(REGISTRY);
    static final FakeGrpcServer LISTS_SERVER = new FakeGrpcServer(LISTS);
    static final FakeGrpcServer SCORING_SERVER = new FakeGrpcServer(new FakeScoringService());
    static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        REGISTRY.identifiers.put("subj-debtor", java.util.List.of(TravelCheckApiTest.resident(TravelCheckApiTest.DEBTOR_ID)));
        LISTS.change(credit.lists.v1.ChangeType.CHANGE_TYPE_CREATED, TravelCheckApiTest.record(TravelCheckApiTest.DEBTOR_RECORD,
                "subj-debtor", TravelCheckApiTest.resident(TravelCheckApiTest.DEBTOR_ID),
                credit.lists.v1.RecordStatus.RECORD_STATUS_ACTIVE));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        OUTAGE.register(registry);
        registry.add("spring.grpc.client.channel.registry.target", () -> "static://127.0.0.1:" + REGISTRY_SERVER.port());
        registry.add("spring.grpc.client.channel.lists.target", () -> "static://127.0.0.1:" + LISTS_SERVER.port());
        registry.add("spring.grpc.client.channel.scoring.target", () -> "static://127.0.0.1:" + SCORING_SERVER.port());
    }

    @TestConfiguration
    static class Fixtures {
        @Bean
        JwtDecoder jwtDecoder() {
            return TOKENS.jwtDecoder();
        }

        @Bean
        ServiceTokenSource serviceTokenSource() {
            return new FixedServiceTokenSource(TOKENS.token("credit-services", "registry.read lists.read platform.internal"));
        }
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        OUTAGE.close();
    }

    @Test
    void aDatabaseOutageIsA503ProblemAndNotReadyButLiveAndRecoversByItself() {
        TestHttp http = new TestHttp("http://localhost:" + port);
        String rail = TOKENS.token("rail-demo", "travel.check");
        String check = TravelCheckApiTest.checkJson("RESIDENT_ID", TravelCheckApiTest.CLEAN_ID, null, "RAIL", "G101",
                "SECOND_CLASS");
        String deny = TravelCheckApiTest.checkJson("RESIDENT_ID", TravelCheckApiTest.DEBTOR_ID, null, "RAIL", "G101",
                "SECOND_CLASS");

        OUTAGE.drill(http,
                () -> {
                    TestHttp.Response before = http.post("/api/v1/travel-checks", rail, check);
                    assertThat(before.status()).as(before.body()).isEqualTo(200);
                },
                () -> {
                    TestHttp.Response allow = http.post("/api/v1/travel-checks", rail, check);
                    assertThat(allow.status()).as(allow.body()).isEqualTo(200);
                    assertDatabaseUnavailable(http.post("/api/v1/travel-checks", rail, deny));
                },
                () -> {
                    TestHttp.Response back = http.post("/api/v1/travel-checks", rail, deny);
                    assertThat(back.status()).as(back.body()).isEqualTo(200);
                    assertThat(JSON.readTree(back.body()).get("decision").asString()).isEqualTo("DENY");
                });
    }
}
