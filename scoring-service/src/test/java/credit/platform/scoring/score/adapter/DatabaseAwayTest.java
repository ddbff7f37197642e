package credit.platform.scoring.score.adapter;

import static credit.platform.testsupport.DatabaseOutage.assertDatabaseUnavailable;
import static org.assertj.core.api.Assertions.assertThat;

import credit.common.v1.SubjectKind;
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

/**
 * The scoring service while its database is away (the real service on an embedded Mongo server that
 * is stopped and started again: {@link DatabaseOutage}'s drill; registry and lists are fakes): a request that needs the database is a
 * 503 problem {@code database-unavailable}, readiness answers 503 (from the background ping, never
 * waiting for the driver) while liveness stays 200, and both come back by themselves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "credit.scoring.follow-changes=false")
class DatabaseAwayTest {

    static final DatabaseOutage OUTAGE = new DatabaseOutage("scoring-away");
    static final TestTokens TOKENS = new TestTokens();
    static final FakeRegistryService REGISTRY = new FakeRegistryService();
    static final FakeListsService LISTS = new FakeListsService();
    static final FakeGrpcServer REGISTRY_SERVER = new FakeGrpcServer(REGISTRY);
    static final FakeGrpcServer LISTS_SERVER = new FakeGrpcServer(LISTS);
    static final String PERSON = "subj-away-1";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        OUTAGE.register(registry);
        registry.add("spring.grpc.client.channel.registry.target", () -> "static://127.0.0.1:" + REGISTRY_SERVER.port());
        registry.add("spring.grpc.client.channel.lists.target", () -> "static://127.0.0.1:" + LISTS_SERVER.port());
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
        REGISTRY.subjects.put(PERSON, SubjectKind.SUBJECT_KIND_PERSON);
        TestHttp http = new TestHttp("http://localhost:" + port);
        String reader = TOKENS.token("analyst-demo", "scoring.read");
        String history = "/api/v1/scores/" + PERSON + "/history";

        OUTAGE.drill(http,
                () -> assertThat(http.get(history, reader).status()).isEqualTo(200),
                () -> assertDatabaseUnavailable(http.get(history, reader)),
                () -> {
                    TestHttp.Response back = http.get(history, reader);
                    assertThat(back.status()).as(back.body()).isEqualTo(200);
                });
    }
}
