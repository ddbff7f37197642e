package credit.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import credit.platform.testsupport.MongoTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Bulk imports have their own route: a body limit of their own (import-max-body, streamed) and a
 * longer time limit; every other route keeps the 1 MB default.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportRouteTest {

    static final TestIssuer issuer = new TestIssuer();
    static final StubBackend registry = new StubBackend("registry");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) {
        MongoTestServer.register(properties, "audit-imports");
        properties.add("credit.security.issuer-uri", issuer::issuerUri);
        properties.add("credit.gateway.registry-uri", registry::uri);
    }

    @AfterAll
    static void stop() {
        issuer.close();
        registry.close();
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    RouteLocator routes;

    WebTestClient client;

    final String registrar = "Bearer " + issuer.tokenFor("registrar-demo", null, Map.of(), "registry.write");

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(30)).build();
        registry.reset();
    }

    @Test
    void aTwoMegabyteImportPassesTheGatewayWhole() {
        String upload = jsonOfSize(2 * 1024 * 1024);

        client.post().uri("/api/v1/subjects/imports").header("Authorization", registrar)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(upload).exchange()
                .expectStatus().isOk();

        assertThat(registry.received()).singleElement().satisfies(r -> {
            assertThat(r.pathAndQuery()).isEqualTo("/api/v1/subjects/imports");
            assertThat(r.body()).hasSize(upload.length());
        });
    }

    @Test
    void aThreeMegabyteBodyElsewhereIsStill413AndReachesNoService() {
        client.post().uri("/api/v1/subjects").header("Authorization", registrar)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(jsonOfSize(3 * 1024 * 1024)).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://credit.example/problems/request-too-large");
        assertThat(registry.received()).isEmpty();
    }

    @Test
    void importsHaveTheirOwnRouteWithALongerTimeLimit() {
        var route = routes.getRoutes().filter(r -> r.getId().equals("registry-imports")).blockFirst();

        assertThat(route).isNotNull();
        assertThat(((Number) route.getMetadata().get("response-timeout")).longValue()).isGreaterThan(5_000);
    }

    private static String jsonOfSize(int bytes) {
        String prefix = "{\"subjects\":\"";
        return prefix + "a".repeat(bytes - prefix.length() - 2) + "\"}";
    }
}
