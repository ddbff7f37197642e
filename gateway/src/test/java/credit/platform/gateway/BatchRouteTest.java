package credit.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import credit.platform.testsupport.MongoTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A whole train through the REST front door: 10 000 passengers in one batch, compressed or not, its
 * answer streamed back as the service writes it; the batch's own body limit; a batch counted in checks
 * against the client's budget.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "credit.gateway.traffic.rate-limits.travel-check.limit=12000",
        "credit.gateway.traffic.rate-limits.travel-check.period=1h",
        "credit.gateway.traffic.rate-limits.travel-check.burst=12000"})
class BatchRouteTest {

    static final TestIssuer issuer = new TestIssuer();
    static final TrainService sanctions = new TrainService();

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry properties) {
        MongoTestServer.register(properties, "audit-batch");
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

    WebTestClient client;

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .codecs(c -> c.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
                .responseTimeout(java.time.Duration.ofSeconds(60)).build();
        sanctions.received.clear();
    }

    static String train(int passengers) {
        StringBuilder b = new StringBuilder("{\"checks\":[");
        for (int i = 0; i < passengers; i++) {
            b.append(i == 0 ? "" : ",").append("{\"passengerRef\":\"P").append(i)
                    .append("\",\"document\":{\"type\":\"RESIDENT_ID\",\"number\":\"11010519491231002X\"},"
                            + "\"name\":\"Passenger Name\",\"mode\":\"RAIL\",\"trainNumber\":\"G1\",\"seatClass\":\"SECOND_CLASS\"}");
        }
        return b.append("]}").toString();
    }

    @Test
    void aTrainOfTenThousandPassengersPassesPlainOrGzippedAndTheServiceGetsItUncompressed() throws IOException {
        String train = train(10_000);
        assertThat(train.length()).as("more than the 1 MB of other routes").isGreaterThan(1_500_000);
        String rail = issuer.tokenFor("rail-a", null, Map.of(), "travel.check");

        client.post().uri("/api/v1/travel-checks/batch").header("Authorization", "Bearer " + rail)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(train).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.results.length()").isEqualTo(10_000);

        byte[] gzipped = gzip(train.getBytes(StandardCharsets.UTF_8));
        client.post().uri("/api/v1/travel-checks/batch").header("Authorization", "Bearer " + rail)
                .header("Content-Encoding", "gzip").contentType(MediaType.APPLICATION_JSON).bodyValue(gzipped)
                .exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.results.length()").isEqualTo(10_000);

        assertThat(sanctions.received).hasSize(2).allSatisfy(r -> {
            assertThat(r.body()).isEqualTo(train);
            assertThat(r.contentEncoding()).isNull();
        });
    }

    @Test
    void bodyLimitsApplyPerRouteAndToTheDecompressedSize() throws IOException {
        String airline = issuer.tokenFor("airline-demo", null, Map.of(), "travel.check");
        // a single check over the 1 MB every other route takes
        client.post().uri("/api/v1/travel-checks").header("Authorization", "Bearer " + airline)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"x\":\"" + "a".repeat(1_100_000) + "\"}")
                .exchange().expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo("https://credit.example/problems/request-too-large");
        // 9 MB of zeros compress to a few KB: refused by what they decompress to
        byte[] bomb = gzip(new byte[9 * 1024 * 1024]);
        assertThat(bomb.length).isLessThan(100_000);
        client.post().uri("/api/v1/travel-checks/batch").header("Authorization", "Bearer " + airline)
                .header("Content-Encoding", "gzip").contentType(MediaType.APPLICATION_JSON).bodyValue(bomb)
                .exchange().expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo("https://credit.example/problems/request-too-large");
        client.post().uri("/api/v1/travel-checks/batch").header("Authorization", "Bearer " + airline)
                .header("Content-Encoding", "gzip").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"checks\":[]}".getBytes(StandardCharsets.UTF_8)).exchange()
                .expectStatus().isEqualTo(400)
                .expectBody().jsonPath("$.type").isEqualTo("https://credit.example/problems/malformed-body");
        client.post().uri("/api/v1/travel-checks/batch").header("Authorization", "Bearer " + airline)
                .header("Content-Encoding", "br").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.type").isEqualTo("https://credit.example/problems/unsupported-content-encoding");
        assertThat(sanctions.received).as("nothing refused reached the service whole").noneMatch(
                r -> r.complete() && r.body().length() > 1_000_000);
    }

    /**
     * The service writes the first part of a large answer and waits until the client has received it
     * (or 30 s): only an answer passed through as it streams can be received while the rest is unwritten.
     */
    @Test
    void aLargeAnswerReachesTheClientWhileTheServiceIsStillWritingIt() {
        String rail = issuer.tokenFor("rail-b", null, Map.of(), "travel.check");
        sanctions.pauseAfterFirstPart = new CountDownLatch(1);
        AtomicLong received = new AtomicLong();
        WebClient.create("http://localhost:" + port).post().uri("/api/v1/travel-checks/batch")
                .header("Authorization", "Bearer " + rail).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(train(3000)).retrieve().bodyToFlux(DataBuffer.class)
                .doOnNext(buffer -> {
                    if (received.addAndGet(buffer.readableByteCount()) > 100_000) {
                        sanctions.pauseAfterFirstPart.countDown(); // the first part arrived: let the service go on
                    }
                    DataBufferUtils.release(buffer);
                })
                .blockLast(java.time.Duration.ofSeconds(60));

        assertThat(sanctions.resumedByTheClient).as("the first part arrived before the service wrote the rest")
                .isTrue();
        assertThat(received.get()).isEqualTo(sanctions.lastAnswerLength.get());
    }

    @Test
    void aBatchIsCountedInChecksAgainstTheClientsBudget() {
        String tour = issuer.tokenFor("tour-operator", null, Map.of(), "travel.check");
        client.post().uri("/api/v1/travel-checks/batch").header("Authorization", "Bearer " + tour)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(train(10_000)).exchange().expectStatus().isOk();
        client.post().uri("/api/v1/travel-checks/batch").header("Authorization", "Bearer " + tour)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(train(3_000)).exchange().expectStatus().isOk();
        // 13 000 of 12 000 checks used: in debt, a single check waits
        client.post().uri("/api/v1/travel-checks").header("Authorization", "Bearer " + tour)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.type").isEqualTo("https://credit.example/problems/rate-limited");
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }

    /** A REST sanctions stand-in answering a batch with one ALLOW per check, written in two parts. */
    static final class TrainService implements AutoCloseable {

        record Received(String body, String contentEncoding, boolean complete) {
        }

        final List<Received> received = new CopyOnWriteArrayList<>();
        final AtomicLong lastAnswerLength = new AtomicLong();
        volatile CountDownLatch pauseAfterFirstPart;
        volatile boolean resumedByTheClient;
        private final HttpServer server;

        TrainService() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/", this::answer);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
        }

        private void answer(HttpExchange exchange) throws IOException {
            String body;
            boolean complete = true;
            try {
                body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                body = "";
                complete = false;
            }
            received.add(new Received(body, exchange.getRequestHeaders().getFirst("Content-Encoding"), complete));
            int checks = body.split("\"passengerRef\"", -1).length - 1;
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0); // chunked
            long written = 0;
            AtomicBoolean paused = new AtomicBoolean();
            try (OutputStream out = exchange.getResponseBody()) {
                written += write(out, "{\"results\":[");
                for (int i = 0; i < checks; i++) {
                    written += write(out, (i == 0 ? "" : ",") + "{\"passengerRef\":\"P" + i
                            + "\",\"decision\":\"ALLOW\",\"receipt\":\"" + "r".repeat(60) + "\"}");
                    CountDownLatch pause = pauseAfterFirstPart;
                    if (pause != null && written > 200_000 && paused.compareAndSet(false, true)) {
                        out.flush();
                        try {
                            resumedByTheClient = pause.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
                written += write(out, "],\"receipt\":\"envelope\"}");
            }
            lastAnswerLength.set(written);
        }

        private static int write(OutputStream out, String s) throws IOException {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            out.write(bytes);
            return bytes.length;
        }

        String uri() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            CountDownLatch pause = pauseAfterFirstPart;
            if (pause != null) {
                pause.countDown();
            }
            server.stop(0);
        }
    }
}
