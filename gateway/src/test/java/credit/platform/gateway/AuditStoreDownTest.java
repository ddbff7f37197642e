package credit.platform.gateway;

import java.util.Map;

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
 * Without its audit store the gateway serves no person data: the service's answer is withheld
 * and the client gets a 503 problem, because the entry must be stored before the response goes out.
 * Routes without person data keep working, and health says DOWN.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditStoreDownTest {

    static final TestIssuer issuer = new TestIssuer();
    static final StubBackend registry = new StubBackend("registry");
    static final StubBackend lists = new StubBackend("lists");
    static final StubBackend sanctions = new StubBackend("sanctions");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) {
        properties.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + ServiceDownTest.closedPort()
                + "/audit?serverSelectionTimeoutMS=300&connectTimeoutMS=300");
        properties.add("credit.security.issuer-uri", issuer::issuerUri);
        properties.add("credit.gateway.registry-uri", registry::uri);
        properties.add("credit.gateway.lists-uri", lists::uri);
        properties.add("credit.gateway.sanctions-uri", sanctions::uri);
    }

    @AfterAll
    static void stop() {
        issuer.close();
        registry.close();
        lists.close();
        sanctions.close();
    }

    @Value("${local.server.port}")
    int port;

    /** The actuator's own port (health with its components, metrics). */
    @Value("${local.management.port}")
    int managementPort;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(10)).build();
    }

    @Test
    void aPersonReadIsNotAnsweredWhenItCannotBeRecorded() {
        client.get().uri("/api/v1/subjects/sub-1")
                .header("Authorization", "Bearer " + issuer.tokenFor("court-demo", "SPC", Map.of(), "registry.read"))
                .header("X-Purpose", "ENFORCEMENT").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://credit.example/problems/audit-unavailable")
                .jsonPath("$.backend").doesNotExist();
    }

    @Test
    void aTravelCheckDenyIsWithheldWhenItCannotBeRecordedButAnAllowIsAnswered() {
        sanctions.answerWith(AuditTest::fakeTravelDecisions);
        String airline = "Bearer " + issuer.tokenFor("airline-demo", null, Map.of(), "travel.check");

        client.post().uri("/api/v1/travel-checks").header("Authorization", airline)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(AuditTest.travelCheck(AuditTest.RESIDENT_ID))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://credit.example/problems/audit-unavailable")
                .jsonPath("$.decision").doesNotExist();
        client.post().uri("/api/v1/travel-checks").header("Authorization", airline)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(AuditTest.travelCheck("110101199003074477"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.decision").isEqualTo("ALLOW");
    }

    @Test
    void routesWithoutPersonDataStillWorkAndHealthIsDown() {
        client.get().uri("/api/v1/lists")
                .header("Authorization", "Bearer " + issuer.tokenFor("court-demo", "SPC", Map.of(), "lists.read"))
                .exchange()
                .expectStatus().isOk();
        WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build()
                .get().uri("/actuator/health").exchange().expectStatus().isEqualTo(503);
    }
}
