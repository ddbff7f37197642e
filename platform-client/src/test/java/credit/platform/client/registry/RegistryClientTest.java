package credit.platform.client.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import credit.platform.client.ConflictException;
import credit.platform.client.PlatformClient;
import credit.platform.client.PlatformClientProperties;
import credit.platform.client.PlatformClients;

/**
 * The registry calls of the SDK against a stand-in gateway (a JDK HTTP server answering as
 * registry-service would; the system tests use the real one): paths, headers, bodies, answers.
 */
class RegistryClientTest {

    static final String SUBJECT = """
            {"id":"sub-1","kind":"PERSON","identifiers":[{"scheme":"RESIDENT_ID","value":"11010519491231002X"}],
             "name":"张三","latinName":"","status":"DECEASED","statusDate":"2026-10-01","registrationRegion":"110105",
             "flaggedForReview":false,"version":2,"createdAt":"2026-10-15T02:00:00Z"}""";
    static final String RELATIONSHIP = """
            {"id":"rel-1","type":"LEGAL_REPRESENTATIVE","fromSubjectId":"sub-1","toSubjectId":"co-1",
             "validFrom":"2020-01-01","validTo":null,"shareBasisPoints":null,"createdAt":"2026-10-15T02:00:00Z"}""";

    record Call(String method, String uri, String body, String purpose, String contentType) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    final Map<String, String[]> answers = new ConcurrentHashMap<>();
    final JsonMapper json = JsonMapper.builder().build();
    HttpServer server;
    PlatformClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", exchange -> send(exchange, 200, "application/json",
                "{\"access_token\":\"t\",\"expires_in\":300,\"token_type\":\"Bearer\"}"));
        server.createContext("/api/", exchange -> {
            calls.add(new Call(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("X-Purpose"),
                    exchange.getRequestHeaders().getFirst("Content-Type")));
            String[] answer = answers.getOrDefault(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(),
                    new String[] {"404", "application/problem+json", "{\"status\":404}"});
            send(exchange, Integer.parseInt(answer[0]), answer[1], answer[2]);
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        client = PlatformClients.create(new PlatformClientProperties(base, base + "/token", "registrar-demo", "secret"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void readsStateTheirPurposeAndTheSubjectReadsBackWithItsStatusDate() {
        answers.put("GET /api/v1/subjects/sub-1", new String[] {"200", "application/json", SUBJECT});

        SubjectView subject = client.registry().getSubject("sub-1", "ENFORCEMENT");

        assertThat(calls.getFirst().purpose()).isEqualTo("ENFORCEMENT");
        assertThat(subject.statusDate()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(subject.version()).isEqualTo(2);
    }

    @Test
    void relationshipsAsOfADaySendDirectionTypesAndDay() {
        answers.put("GET /api/v1/subjects/co-1/relationships", new String[] {"200", "application/json", "[" + RELATIONSHIP + "]"});

        List<RelationshipView> reps = client.registry().relationships("co-1", "INCOMING",
                List.of("LEGAL_REPRESENTATIVE"), LocalDate.of(2023, 6, 1), "SUPERVISION");

        assertThat(calls.getFirst().uri()).isEqualTo(
                "/api/v1/subjects/co-1/relationships?direction=INCOMING&type=LEGAL_REPRESENTATIVE&asOf=2023-06-01");
        assertThat(reps).singleElement().extracting(RelationshipView::fromSubjectId).isEqualTo("sub-1");
    }

    @Test
    void staleVersionOfAChangeIsAConflict() {
        answers.put("POST /api/v1/subjects/sub-1/identifiers", new String[] {"409", "application/problem+json",
                "{\"status\":409,\"title\":\"Subject changed meanwhile\",\"currentVersion\":3}"});

        ConflictException e = catchThrowableOfType(ConflictException.class, () -> client.registry()
                .addIdentifier("sub-1", new AddIdentifierRequest("PASSPORT", "E1234567", "CHN", 1)));

        assertThat(e.status()).isEqualTo(409);
        assertThat(json.readTree(calls.getFirst().body())).isEqualTo(json.readTree(
                "{\"scheme\":\"PASSPORT\",\"value\":\"E1234567\",\"issuingCountry\":\"CHN\",\"expectedVersion\":1}"));
    }

    @Test
    void importSendsTheRecordsAsAJsonArrayWithItsId() {
        answers.put("POST /api/v1/subjects/imports", new String[] {"200", "application/json",
                "{\"id\":\"imp-1\",\"format\":\"json\",\"status\":\"COMPLETED\",\"lines\":1,\"created\":1,\"existing\":0,"
                        + "\"rejected\":0,\"startedAt\":\"2026-10-15T02:00:00Z\",\"finishedAt\":\"2026-10-15T02:00:01Z\"}"});

        ImportSummary summary = client.registry().importRecords("imp-1", List.of(Map.of("kind", "PERSON")));

        assertThat(calls.getFirst().uri()).isEqualTo("/api/v1/subjects/imports?format=json&importId=imp-1");
        assertThat(json.readTree(calls.getFirst().body())).isEqualTo(json.readTree("[{\"kind\":\"PERSON\"}]"));
        assertThat(summary.created()).isEqualTo(1);
    }

    @Test
    void permitsAskForExpiredOnes() {
        answers.put("GET /api/v1/subjects/co-1/permits", new String[] {"200", "application/json",
                "[{\"id\":\"p\",\"subjectId\":\"co-1\",\"type\":\"t\",\"issuer\":\"i\",\"number\":\"n\","
                        + "\"validFrom\":\"2020-01-01\",\"validTo\":\"2021-01-01\",\"status\":\"EXPIRED\",\"expired\":true}]"});

        List<PermitView> expired = client.registry().permits("co-1", true, "LICENSING");

        assertThat(calls.getFirst().uri()).isEqualTo("/api/v1/subjects/co-1/permits?expired=true");
        assertThat(expired).singleElement().extracting(PermitView::expired).isEqualTo(true);
    }
}
