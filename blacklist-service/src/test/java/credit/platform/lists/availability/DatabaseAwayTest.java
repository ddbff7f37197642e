package credit.platform.lists.availability;

import static credit.platform.testsupport.DatabaseOutage.assertDatabaseUnavailable;
import static org.assertj.core.api.Assertions.assertThat;

import credit.platform.common.grpc.ServiceTokenSource;
import credit.platform.lists.support.FakeRegistry;
import credit.platform.testsupport.DatabaseOutage;
import credit.platform.testsupport.FixedServiceTokenSource;
import credit.platform.testsupport.TestHttp;
import credit.platform.testsupport.TestTokens;
import java.time.Instant;
import java.util.Map;
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
 * The lists service while its database is away (the real service on an embedded Mongo server that is
 * stopped and started again: {@link DatabaseOutage}'s drill): a read that needs the database is a 503
 * problem {@code database-unavailable}, readiness answers 503 (from the background ping, never waiting
 * for the driver) while liveness stays 200, and both come back by themselves once the database is back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseAwayTest {

    static final DatabaseOutage OUTAGE = new DatabaseOutage("lists-away");
    static final TestTokens TOKENS = new TestTokens();
    static final FakeRegistry REGISTRY = new FakeRegistry().start(TestHttp.freePort());

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        OUTAGE.register(registry);
        registry.add("spring.grpc.client.channel.registry.target", () -> "static://127.0.0.1:" + REGISTRY.port());
    }

    @TestConfiguration
    static class Fixtures {
        @Bean
        JwtDecoder jwtDecoder() {
            return TOKENS.jwtDecoder();
        }

        @Bean
        ServiceTokenSource testServiceTokens() {
            return new FixedServiceTokenSource(TOKENS.token("credit-services", "registry.read registry.write platform.internal"));
        }
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        OUTAGE.close();
    }

    static String court() {
        return TOKENS.token("court-demo", "lists.read lists.write registry.read", Map.of("agency", "SPC"),
                TestTokens.ISSUER, TestTokens.AUDIENCE, Instant.now().plusSeconds(300));
    }

    @Test
    void aDatabaseOutageIsA503ProblemAndNotReadyButLiveAndRecoversByItself() {
        TestHttp http = new TestHttp("http://localhost:" + port);
        String read = "/api/v1/records?subjectId=subj-away-1";

        OUTAGE.drill(http,
                () -> assertThat(http.get(read, court()).status()).isEqualTo(200),
                () -> assertDatabaseUnavailable(http.get(read, court())),
                () -> {
                    TestHttp.Response back = http.get(read, court());
                    assertThat(back.status()).as(back.body()).isEqualTo(200);
                });
    }
}
