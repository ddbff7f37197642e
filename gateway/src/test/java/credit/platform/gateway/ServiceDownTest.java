package credit.platform.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import com.sun.net.httpserver.HttpServer;
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

/** A service that is down or too slow gives problem+json from the gateway, not Boot's error JSON. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.gateway.server.webflux.httpclient.response-timeout=700ms")
class ServiceDownTest {

    static final TestIssuer issuer = new TestIssuer();
    static final HttpServer slowService = startSlowService();

    @DynamicPropertySource
    static void routesToNowhere(DynamicPropertyRegistry properties) {
        MongoTestServer.register(properties, "audit");
        properties.add("credit.security.issuer-uri", issuer::issuerUri);
        properties.add("credit.gateway.registry-uri", () -> "http://127.0.0.1:" + closedPort());
        properties.add("credit.gateway.scoring-uri",
                () -> "http://127.0.0.1:" + slowService.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        issuer.close();
        slowService.stop(0);
    }

    @Value("${local.server.port}")
    int port;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void aServiceThatIsDownAnswers503ProblemJson() {
        client.get().uri("/api/v1/subjects/sub-123")
                .header("Authorization", "Bearer " + issuer.token("registry.read"))
                .header("X-Purpose", "SUPERVISION")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://credit.example/problems/service-unavailable")
                .jsonPath("$.title").isEqualTo("Service Unavailable")
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.trace").doesNotExist()
                .jsonPath("$.exception").doesNotExist();
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeGives504ProblemJson() {
        client.get().uri("/api/v1/scores/sub-123")
                .header("Authorization", "Bearer " + issuer.token("scoring.read"))
                .header("X-Purpose", "SUPERVISION")
                .exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://credit.example/problems/gateway-timeout")
                .jsonPath("$.status").isEqualTo(504);
    }

    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer startSlowService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
