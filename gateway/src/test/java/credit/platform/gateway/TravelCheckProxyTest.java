package credit.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import credit.platform.testsupport.MongoTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Travel checks are served by the gateway's own proxy ({@code traffic/TravelCheckProxy}), not by a
 * Spring Cloud Gateway route, and it does what the route did: the caller's token passed on beside the
 * gateway's relay token (a forged one replaced), hop-by-hop headers dropped both ways, path and query
 * kept, the answer's status, headers and body passed back; the route's breaker counts the service's
 * failures (too slow: 504, then open: 503 problem+json without calling it), never the gateway's own
 * refusals.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "credit.gateway.traffic.max-body=2KB",
        "credit.gateway.traffic.breakers.sanctions.timeout=700ms",
        "credit.gateway.traffic.breakers.sanctions.window=4",
        "credit.gateway.traffic.breakers.sanctions.open-for=60s"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TravelCheckProxyTest {

    static final TestIssuer issuer = new TestIssuer();
    static final RecordingService sanctions = new RecordingService();

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry properties) {
        MongoTestServer.register(properties, "audit-travel-proxy");
        properties.add("credit.security.issuer-uri", issuer::issuerUri);
        properties.add("credit.gateway.sanctions-uri", sanctions::uri);
    }

    @AfterAll
    static void stop() {
        issuer.close();
        sanctions.close();
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    RouteLocator routes;

    WebTestClient client;
    final String airline = issuer.tokenFor("airline-demo", null, Map.of(), "travel.check");

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(30)).build();
        sanctions.received.clear();
        sanctions.slow = false;
    }

    @Test
    @Order(1)
    void noGatewayRouteServesTravelChecks() {
        List<String> ids = routes.getRoutes().map(r -> r.getId()).collectList().block();
        assertThat(ids).contains("sanctions").doesNotContain("sanctions-batch");
        // the check itself reaches sanctions (through the proxy); its other lines still go through the route
        client.post().uri("/api/v1/travel-checks").header("Authorization", "Bearer " + airline)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"passengerRef\":\"P1\"}")
                .exchange().expectStatus().isOk();
        client.get().uri("/api/v1/travel-checks/receipt-keys").header("Authorization", "Bearer " + airline)
                .exchange().expectStatus().isOk();
        assertThat(sanctions.received).extracting(Received::path)
                .containsExactly("/api/v1/travel-checks", "/api/v1/travel-checks/receipt-keys");
    }

    @Test
    @Order(2)
    void theCheckIsPassedOnWithTheRelayTokenAndWithoutHopByHopHeaders() {
        String body = "{\"passengerRef\":\"P2\",\"document\":{\"type\":\"RESIDENT_ID\",\"number\":\"110101199003074477\"}}";
        client.post().uri("/api/v1/travel-checks?lang=en")
                .header("Authorization", "Bearer " + airline)
                .header("X-Credit-Gateway", "Bearer forged")
                .header("Proxy-Authorization", "Basic c2VjcmV0")
                .header("X-Client-Note", "kept")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Answer", "from-sanctions")
                .expectHeader().doesNotExist("Keep-Alive")
                .expectBody(String.class).isEqualTo(RecordingService.ANSWER);

        assertThat(sanctions.received).hasSize(1);
        Received r = sanctions.received.get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/api/v1/travel-checks?lang=en");
        assertThat(r.body()).isEqualTo(body);
        assertThat(r.headers().getFirst("Authorization")).isEqualTo("Bearer " + airline);
        assertThat(r.headers().get("X-Credit-Gateway")).as("the gateway's own token, the forged one dropped")
                .hasSize(1).allSatisfy(v -> assertThat(v).startsWith("Bearer ").isNotEqualTo("Bearer forged"));
        assertThat(r.headers().containsKey("Proxy-Authorization")).isFalse();
        assertThat(r.headers().getFirst("X-Client-Note")).isEqualTo("kept");
        assertThat(r.headers().getFirst("X-Forwarded-For")).isNotBlank();
        assertThat(r.headers().getFirst("Host")).isEqualTo(sanctions.uri().substring("http://".length()));
    }

    @Test
    @Order(3)
    void theGatewaysOwnRefusalsNeverCountAgainstTheBreakerButTheServicesFailuresOpenIt() {
        // a body over the limit, streamed without a length: refused by the gateway while it streams (413),
        // six times — more than the breaker's window; the breaker stays closed
        for (int i = 0; i < 6; i++) {
            Flux<DataBuffer> big = Flux.range(0, 8).map(n -> DefaultDataBufferFactory.sharedInstance
                    .wrap(("{\"passengerRef\":\"" + "x".repeat(500) + "\"}").getBytes(StandardCharsets.UTF_8)));
            client.post().uri("/api/v1/travel-checks").header("Authorization", "Bearer " + airline)
                    .contentType(MediaType.APPLICATION_JSON).body(big, DataBuffer.class)
                    .exchange().expectStatus().isEqualTo(413);
        }
        client.post().uri("/api/v1/travel-checks").header("Authorization", "Bearer " + airline)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"passengerRef\":\"after-413\"}")
                .exchange().expectStatus().isOk();

        // the service too slow: 504 each time, until the failures fill half the breaker's window and it opens
        sanctions.slow = true;
        int timeouts = 0;
        int status;
        while ((status = checkStatus("slow")) == 504 && timeouts < 10) {
            timeouts++;
        }
        assertThat(timeouts).as("answered 504 before the breaker opened").isBetween(1, 4);
        assertThat(status).isEqualTo(503);
        sanctions.slow = false;
        int before = sanctions.received.size();
        client.post().uri("/api/v1/travel-checks").header("Authorization", "Bearer " + airline)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"passengerRef\":\"open\"}")
                .exchange().expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://credit.example/problems/service-unavailable");
        assertThat(sanctions.received).as("an open breaker does not call the service").hasSize(before);
    }

    private int checkStatus(String passenger) {
        return client.post().uri("/api/v1/travel-checks").header("Authorization", "Bearer " + airline)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"passengerRef\":\"" + passenger + "\"}")
                .exchange().returnResult(String.class).getStatus().value();
    }

    record Received(String method, String path, Headers headers, String body) {
    }

    /** Sanctions standing in: records each request whole; answers a fixed check, or only after 3 s when slow. */
    static final class RecordingService implements AutoCloseable {

        static final String ANSWER = "{\"decision\":\"ALLOW\",\"passengerRef\":\"P\"}";
        final List<Received> received = new CopyOnWriteArrayList<>();
        volatile boolean slow;
        private final HttpServer server;

        RecordingService() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Headers copy = new Headers();
                copy.putAll(exchange.getRequestHeaders());
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(), copy, body));
                if (slow) {
                    try {
                        Thread.sleep(3_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                byte[] answer = ANSWER.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.getResponseHeaders().set("X-Answer", "from-sanctions");
                exchange.getResponseHeaders().set("Keep-Alive", "timeout=5");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
        }

        String uri() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
