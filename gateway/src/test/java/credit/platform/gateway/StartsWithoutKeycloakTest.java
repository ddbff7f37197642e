package credit.platform.gateway;

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
 * The gateway must come up before Keycloak does (the launcher starts them in parallel): nothing
 * is fetched from the issuer at start-up. While the issuer is unreachable, tokens cannot be
 * checked and the answer is a 503 problem, not a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StartsWithoutKeycloakTest {

    static final TestIssuer signer = new TestIssuer();

    @DynamicPropertySource
    static void issuerThatIsNotRunning(DynamicPropertyRegistry properties) {
        MongoTestServer.register(properties, "audit");
        properties.add("credit.security.issuer-uri",
                () -> "http://127.0.0.1:" + ServiceDownTest.closedPort() + "/realms/credit");
    }

    @AfterAll
    static void stop() {
        signer.close();
    }

    @Value("${local.server.port}")
    int port;

    /** The actuator's own port (health with its components, metrics). */
    @Value("${local.management.port}")
    int managementPort;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void startsAndReportsHealthyWhileTheIssuerIsDown() {
        WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build()
                .get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void requestsStillNeedATokenWhileTheIssuerIsDown() {
        client.get().uri("/api/v1/subjects/sub-123").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aTokenThatCannotBeCheckedGives503ProblemJson() {
        client.get().uri("/api/v1/subjects/sub-123")
                .header("Authorization", "Bearer " + signer.token("registry.read"))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://credit.example/problems/authorization-server-unavailable");
    }
}
