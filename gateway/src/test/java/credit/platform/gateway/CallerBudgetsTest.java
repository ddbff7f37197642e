package credit.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import credit.platform.testsupport.MongoTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who a budget counts, as the request view says: an anonymous caller of an open route by address,
 * a signed-in person by their own subject (not by the web client every person shares), an officer at
 * the portal's desk by their own subject too (not by the portal client every officer signs in through),
 * a platform client by its id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "credit.gateway.traffic.rate-limits.anonymous.limit=2",
        "credit.gateway.traffic.rate-limits.anonymous.period=30s",
        "credit.gateway.traffic.rate-limits.citizen.limit=2",
        "credit.gateway.traffic.rate-limits.citizen.period=30s"})
class CallerBudgetsTest {

    static final TestIssuer issuer = new TestIssuer();
    static final StubBackend registry = new StubBackend("registry");
    static final StubBackend scoring = new StubBackend("scoring");
    static final StubBackend lists = new StubBackend("lists");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) {
        MongoTestServer.register(properties, "audit-budgets");
        properties.add("credit.security.issuer-uri", issuer::issuerUri);
        properties.add("credit.gateway.registry-uri", registry::uri);
        properties.add("credit.gateway.scoring-uri", scoring::uri);
        properties.add("credit.gateway.lists-uri", lists::uri);
        properties.add("credit.security.token-uri", () -> registry.uri() + "/token");
    }

    @AfterAll
    static void stop() {
        issuer.close();
        List.of(registry, scoring, lists).forEach(StubBackend::close);
    }

    @Value("${local.server.port}")
    int port;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        registry.reset();
        scoring.reset();
        lists.reset();
        // the token endpoint and the registry's lookup of the access log, both at once
        registry.answerWith(body -> "{\"access_token\":\"t\",\"expires_in\":300,\"id\":\"sub-x\"}");
    }

    @Test
    void anAnonymousCallerOfTheOpenGradeHasABudgetPerAddressAndAFloodNeverReachesScoring() {
        for (int i = 0; i < 2; i++) {
            grade().expectStatus().isOk();
        }
        for (int i = 0; i < 20; i++) {
            grade().expectStatus().isEqualTo(429)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().exists("Retry-After");
        }
        assertThat(scoring.received()).hasSize(2);
    }

    @Test
    void eachPersonHasTheirOwnBudgetThoughAllSignInThroughTheSameWebClient() {
        String first = citizen("person-1", "11010519491231002X");
        String second = citizen("person-2", "110101199003074477");
        accessLog(first).expectStatus().isOk();
        accessLog(first).expectStatus().isOk();
        accessLog(first).expectStatus().isEqualTo(429);
        accessLog(second).expectStatus().isOk();
    }

    @Test
    void eachOfficerAtTheDeskHasTheirOwnBudgetThoughAllSignInThroughThePortal() {
        lists.answerWith(body -> "[]");
        String first = officer("officer-1");
        String second = officer("officer-2");
        desk(first).expectStatus().isOk();
        desk(first).expectStatus().isOk();
        desk(first).expectStatus().isEqualTo(429);
        desk(second).expectStatus().isOk();
        assertThat(lists.received()).hasSize(3);
    }

    @Test
    void eachCompanyRepresentativeHasTheirOwnBudgetThoughAllSignInThroughThePortal() {
        lists.answerWith(body -> "[]");
        String first = issuer.tokenFor("credit-portal", null, Map.of("uscc", "91350100M000100Y43", "sub", "rep-1"),
                "openid");
        String second = issuer.tokenFor("credit-portal", null, Map.of("uscc", "91350200776049653A", "sub", "rep-2"),
                "openid");
        for (int i = 0; i < 2; i++) {
            companyRecords(first).expectStatus().isOk();
        }
        companyRecords(first).expectStatus().isEqualTo(429);
        companyRecords(second).expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec companyRecords(String token) {
        return client.get().uri("/api/v1/me/company/records").header("Authorization", "Bearer " + token).exchange();
    }

    private WebTestClient.ResponseSpec desk(String token) {
        return client.get().uri("/api/v1/desk/applications").header("Authorization", "Bearer " + token)
                .header("X-Purpose", "OBJECTION_REVIEW").exchange();
    }

    private static String officer(String subject) {
        return issuer.tokenFor("credit-portal", "SPC", Map.of("sub", subject), "openid", "desk.officer");
    }

    private WebTestClient.ResponseSpec grade() {
        return client.get().uri("/api/v1/scores/public/companies/91350100M000100Y43/grade").exchange();
    }

    private WebTestClient.ResponseSpec accessLog(String token) {
        return client.get().uri("/api/v1/me/access-log").header("Authorization", "Bearer " + token).exchange();
    }

    private static String citizen(String subject, String residentId) {
        return issuer.tokenFor("credit-web", null, Map.of("resident_id", residentId, "sub", subject), "openid");
    }
}
