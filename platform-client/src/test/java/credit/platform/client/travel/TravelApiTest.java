package credit.platform.client.travel;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import credit.platform.client.PlatformClient;
import credit.platform.client.PlatformClientProperties;
import credit.platform.client.PlatformClients;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The travel-check SDK against {@code FakeGateway}: a JDK HTTP server standing in for the gateway and
 * Keycloak's token endpoint (the system tests use the real ones). Checks the wire shape of the
 * issue's contract: document {type, number, country}, seatClass, travelDate; reasons, decisionId,
 * asOf, receipt; batch; receipt verification.
 */
class TravelApiTest {

    final JsonMapper json = JsonMapper.builder().build();
    final Map<String, String> answers = new ConcurrentHashMap<>();
    final Map<String, String> bodies = new ConcurrentHashMap<>();
    HttpServer fakeGateway;
    PlatformClient client;

    @BeforeEach
    void setUp() throws IOException {
        fakeGateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fakeGateway.createContext("/token", ex -> send(ex, """
                {"access_token":"t-1","expires_in":300,"token_type":"Bearer"}"""));
        fakeGateway.createContext("/api/", ex -> {
            String key = ex.getRequestMethod() + " " + ex.getRequestURI().getPath();
            bodies.put(key, new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            send(ex, answers.getOrDefault(key, "{}"));
        });
        fakeGateway.start();
        String base = "http://127.0.0.1:" + fakeGateway.getAddress().getPort();
        client = PlatformClients.create(new PlatformClientProperties(base, base + "/token", "rail-demo", "secret"),
                Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        fakeGateway.stop(0);
    }

    static void send(HttpExchange ex, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    static final String DENY = """
            {"passengerRef":"G7-05A","decision":"DENY","reasons":[{"code":"SPC_DISHONEST_DEBTOR",
             "measure":"RAIL_HIGH_SPEED_BAN","authority":"Court","recordRef":"rec-1","appeal":"CreditChina",
             "capacity":"as legal representative of 91350200776049653A"}],"decisionId":"TD-1",
             "asOf":{"sequence":42,"time":"2026-06-01T10:00:00Z","stale":false},"receipt":"a.b.c",
             "reasonCode":"SPC_DISHONEST_DEBTOR"}""";

    @Test
    void aTrainCheckSendsTheIssuesShapeAndReadsReasonsAsOfAndReceipt() {
        answers.put("POST /api/v1/travel-checks", DENY);

        TravelDecision decision = client.travel().checkTravel(TravelCheck.train("G7-05A",
                TravelDocument.residentId("11010519491231002X"), "G7", "SECOND_CLASS", LocalDate.of(2026, 6, 2)));

        assertThat(json.readTree(bodies.get("POST /api/v1/travel-checks"))).isEqualTo(json.readTree("""
                {"passengerRef":"G7-05A","document":{"type":"RESIDENT_ID","number":"11010519491231002X","country":null},
                 "name":null,"mode":"RAIL","trainNumber":"G7","seatClass":"SECOND_CLASS","travelDate":"2026-06-02"}"""));
        assertThat(decision.denied()).isTrue();
        assertThat(decision.reasons()).containsExactly(new TravelReason("SPC_DISHONEST_DEBTOR", "RAIL_HIGH_SPEED_BAN",
                "Court", "rec-1", "CreditChina", "as legal representative of 91350200776049653A"));
        assertThat(decision.asOf()).isEqualTo(new AsOf(42, Instant.parse("2026-06-01T10:00:00Z"), false));
        assertThat(decision.decisionId()).isEqualTo("TD-1");
        assertThat(decision.receipt()).isEqualTo("a.b.c");
    }

    @Test
    void aBatchIsSentAsChecksAndAnsweredInOrder() {
        answers.put("POST /api/v1/travel-checks/batch", "{\"results\":[" + DENY + "," + DENY.replace("G7-05A", "G7-05B")
                + "]}");

        TravelDecisions decisions = client.travel().checkBatch(new TravelCheckBatch(List.of(
                TravelCheck.flight("1A", TravelDocument.passport("CHN", "E12345678"), "ECONOMY", null),
                TravelCheck.flight("1B", TravelDocument.residentId("11010519491231002X"), "ECONOMY", null))));

        assertThat(json.readTree(bodies.get("POST /api/v1/travel-checks/batch")).get("checks")).hasSize(2);
        assertThat(json.readTree(bodies.get("POST /api/v1/travel-checks/batch")).get("checks").get(0).get("document")
                .get("country").asString()).isEqualTo("CHN");
        assertThat(decisions.results()).extracting(TravelDecision::passengerRef).containsExactly("G7-05A", "G7-05B");
    }

    @Test
    void aReceiptIsVerifiedByTheService() {
        answers.put("POST /api/v1/travel-checks/receipts/verify", """
                {"valid":true,"claims":{"decision":"DENY","jti":"TD-1"}}""");

        ReceiptVerification v = client.travel().verifyReceipt(new ReceiptVerification.Request("a.b.c"));

        assertThat(json.readTree(bodies.get("POST /api/v1/travel-checks/receipts/verify")).get("receipt").asString())
                .isEqualTo("a.b.c");
        assertThat(v.valid()).isTrue();
        assertThat(v.claims()).containsEntry("decision", "DENY");
    }

    @Test
    void aCompactBatchAsksWithoutSelfContainedReceiptsAndEachAnswerVerifiesWithTheBatchEnvelope() {
        answers.put("POST /api/v1/travel-checks/batch", "{\"receipt\":\"h.p.s\",\"results\":["
                + DENY.replace("\"receipt\":\"a.b.c\"", "\"receipt\":null,\"receiptDecision\":\"eyJqdGkiOiJURC0xIn0\","
                        + "\"receiptIndex\":1,\"receiptProof\":\"AAAA\"") + "]}");
        answers.put("POST /api/v1/travel-checks/receipts/verify", """
                {"valid":true,"claims":{"decision":"DENY","jti":"TD-1","receipt":{"index":1,"count":2}}}""");

        TravelDecisions decisions = client.travel().checkBatch(TravelCheckBatch.compact(List.of(
                TravelCheck.flight("1B", TravelDocument.residentId("11010519491231002X"), "ECONOMY", null))));
        TravelDecision answer = decisions.results().getFirst();
        ReceiptVerification v = client.travel().verifyReceipt(answer.verificationRequest(decisions.receipt()));

        assertThat(json.readTree(bodies.get("POST /api/v1/travel-checks/batch")).get("selfContainedReceipts").asBoolean())
                .isFalse();
        assertThat(answer.receipt()).isNull();
        assertThat(answer.hasCompactProof()).isTrue();
        assertThat(answer.receiptIndex()).isEqualTo(1);
        var sent = json.readTree(bodies.get("POST /api/v1/travel-checks/receipts/verify"));
        assertThat(sent.get("envelope").asString()).isEqualTo("h.p.s");
        assertThat(sent.get("decision").asString()).isEqualTo("eyJqdGkiOiJURC0xIn0");
        assertThat(sent.get("index").asInt()).isEqualTo(1);
        assertThat(sent.get("proof").asString()).isEqualTo("AAAA");
        assertThat(v.valid()).isTrue();
    }

    @Test
    void aSelfContainedAnswerVerifiesByItsOwnReceipt() {
        TravelDecision answer = new TravelDecision("1A", "ALLOW", List.of(), "TD-2", null, "x.y.z~abc~0:1");

        assertThat(answer.hasCompactProof()).isFalse();
        assertThat(answer.verificationRequest("ignored")).isEqualTo(new ReceiptVerification.Request("x.y.z~abc~0:1"));
    }
}
