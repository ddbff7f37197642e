package credit.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

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

/** Per-client rate limits (429 + Retry-After), the circuit breaker's fast 503, the body size limit. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "credit.gateway.traffic.rate-limits.default.limit=3",
        "credit.gateway.traffic.rate-limits.default.period=30s",
        "credit.gateway.traffic.rate-limits.travel-check.limit=6",
        "credit.gateway.traffic.rate-limits.travel-check.period=30s",
        "credit.gateway.traffic.rate-limits.travel-check.burst=6",
        "credit.gateway.traffic.max-body=1KB",
        "credit.gateway.traffic.breakers.scoring.timeout=300ms",
        "credit.gateway.traffic.breakers.scoring.window=4",
        "credit.gateway.traffic.breakers.scoring.open-for=60s"})
class TrafficTest {

    static final TestIssuer issuer = new TestIssuer();
    static final StubBackend registry = new StubBackend("registry");
    static final StubBackend sanctions = new StubBackend("sanctions");
    static final AtomicInteger slowCalls = new AtomicInteger();
    static final HttpServer slowScoring = slowServer();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) {
        MongoTestServer.register(properties, "audit-traffic");
        properties.add("credit.security.issuer-uri", issuer::issuerUri);
        properties.add("credit.gateway.registry-uri", registry::uri);
        properties.add("credit.gateway.sanctions-uri", sanctions::uri);
        properties.add("credit.gateway.scoring-uri", () -> "http://127.0.0.1:" + slowScoring.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        issuer.close();
        registry.close();
        sanctions.close();
        slowScoring.stop(0);
    }

    @Value("${local.server.port}")
    int port;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(10)).build();
        registry.reset();
        sanctions.reset();
    }

    @Test
    void aClientOverItsBudgetGets429WithRetryAfterWhileOtherClientsAreServed() {
        String greedy = issuer.tokenFor("registrar-demo", null, Map.of(), "registry.read");
        for (int i = 0; i < 3; i++) {
            read(greedy).expectStatus().isOk();
        }
        read(greedy).expectStatus().isEqualTo(429)
                // 3 per 30 s: the next request's unit is back after 10 s
                .expectHeader().valueEquals("Retry-After", "10")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://credit.example/problems/rate-limited");
        assertThat(registry.received()).hasSize(3);

        read(issuer.tokenFor("court-demo", "SPC", Map.of(), "registry.read")).expectStatus().isOk();
    }

    @Test
    void travelCheckClientsHaveTheirOwnLargerBudget() {
        String airline = issuer.tokenFor("airline-demo", null, Map.of(), "travel.check");
        for (int i = 0; i < 6; i++) {
            check(airline).expectStatus().isOk();
        }
        check(airline).expectStatus().isEqualTo(429).expectHeader().exists("Retry-After");
        assertThat(sanctions.received()).hasSize(6);
    }

    @Test
    void aSlowServiceTimesOutThenTheOpenBreakerAnswers503FastWithoutCallingIt() {
        // a different client per call: the breaker is per route, the rate limit per client
        for (int i = 0; i < 4; i++) {
            score(issuer.tokenFor("scorer-" + i, null, Map.of(), "scoring.read")).expectStatus().isEqualTo(504);
        }
        int callsBeforeOpen = slowCalls.get();

        score(issuer.tokenFor("scorer-last", null, Map.of(), "scoring.read")).expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://credit.example/problems/service-unavailable");

        assertThat(slowCalls.get()).as("the open breaker answers without calling the service").isEqualTo(callsBeforeOpen);
    }

    @Test
    void aBodyOverTheLimitIs413AndNeverReachesTheService() {
        String registrar = issuer.tokenFor("registrar-2", null, Map.of(), "registry.write");
        client.post().uri("/api/v1/subjects").header("Authorization", "Bearer " + registrar)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"x\":\"" + "a".repeat(2000) + "\"}")
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://credit.example/problems/request-too-large");
        assertThat(registry.received()).isEmpty();
    }

    private WebTestClient.ResponseSpec read(String token) {
        return client.get().uri("/api/v1/subjects/sub-1").header("Authorization", "Bearer " + token)
                .header("X-Purpose", "SUPERVISION").exchange();
    }

    private WebTestClient.ResponseSpec check(String token) {
        return client.post().uri("/api/v1/travel-checks").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
    }

    private WebTestClient.ResponseSpec score(String token) {
        return client.get().uri("/api/v1/scores/sub-1").header("Authorization", "Bearer " + token)
                .header("X-Purpose", "SUPERVISION").exchange();
    }

    private static HttpServer slowServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                slowCalls.incrementAndGet();
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
