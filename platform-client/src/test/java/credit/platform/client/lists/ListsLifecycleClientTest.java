package credit.platform.client.lists;

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
 * The lists lifecycle calls of the SDK against a stand-in gateway (a JDK HTTP server answering as
 * blacklist-service would; the system tests use the real one): paths, bodies, and answers read back.
 */
class ListsLifecycleClientTest {

    static final String RECORD = """
            {"id":"rec-1","listId":"spc-dishonest-debtors","listKind":"BLACK","subjectId":"sub-1",
             "identifier":{"scheme":"RESIDENT_ID","value":"11010519491231002X"},"issuingAuthority":"SPC",
             "legalBasis":"法释〔2013〕17号","caseNumber":"(2026)京0105执123号","legalGround":"g","facts":"f",
             "status":"REMOVED","effectiveFrom":"2026-10-01","effectiveUntil":"2028-09-30","version":2,
             "createdAt":"2026-10-15T02:00:00Z",
             "history":[{"type":"CREATED","actor":"court-demo","at":"2026-10-15T02:00:00Z","reason":"listed","ground":null},
                        {"type":"REMOVED","actor":"court-demo","at":"2026-10-16T02:00:00Z","reason":"paid","ground":"PERFORMED"}]}""";
    static final String APPLICATION = """
            {"id":"app-1","kind":"OBJECTION","recordId":"rec-1","listId":"spc-dishonest-debtors","authority":"SPC",
             "filedBy":"ndrc-demo","reason":"wrong","filedAt":"2026-10-15T02:00:00Z","decideBy":"2026-10-30",
             "overdue":false,"status":"ACCEPTED","version":2}""";

    record Call(String method, String uri, String body, String purpose) {
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
                    exchange.getRequestHeaders().getFirst("X-Purpose")));
            String[] answer = answers.getOrDefault(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(),
                    new String[] {"404", "application/problem+json", "{\"status\":404}"});
            send(exchange, Integer.parseInt(answer[0]), answer[1], answer[2]);
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        client = PlatformClients.create(new PlatformClientProperties(base, base + "/token", "court-demo", "secret"));
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
    void removalSendsGroundReasonAndExpectedVersionAndReadsTheHistory() {
        answers.put("POST /api/v1/lists/spc-dishonest-debtors/records/rec-1/removal", new String[] {"200", "application/json", RECORD});

        RecordView removed = client.lists().removeRecord("spc-dishonest-debtors", "rec-1",
                new RemovalRequest("PERFORMED", "paid", 1L));

        assertThat(json.readTree(calls.getFirst().body())).isEqualTo(json.readTree(
                "{\"ground\":\"PERFORMED\",\"reason\":\"paid\",\"expectedVersion\":1}"));
        assertThat(removed.status()).isEqualTo("REMOVED");
        assertThat(removed.history()).extracting(RecordEventView::type).containsExactly("CREATED", "REMOVED");
        assertThat(removed.history().get(1).ground()).isEqualTo("PERFORMED");
    }

    @Test
    void aStaleVersionIsAConflict() {
        answers.put("POST /api/v1/lists/spc-dishonest-debtors/records/rec-1/extension", new String[] {"409",
                "application/problem+json", "{\"status\":409,\"title\":\"Conflict\",\"currentVersion\":3}"});

        ConflictException e = catchThrowableOfType(ConflictException.class, () -> client.lists()
                .extendRecord("spc-dishonest-debtors", "rec-1", new ExtensionRequest("P1Y", "serious", 1L)));

        assertThat(e.status()).isEqualTo(409);
    }

    @Test
    void objectionIsFiledAndDecidedOnItsPaths() {
        String base = "/api/v1/lists/spc-dishonest-debtors/records/rec-1";
        answers.put("POST " + base + "/objections", new String[] {"201", "application/json", APPLICATION});
        answers.put("POST " + base + "/applications/app-1/decision", new String[] {"200", "application/json", APPLICATION});

        client.lists().fileObjection("spc-dishonest-debtors", "rec-1", new FilingRequest("wrong"));
        ApplicationView decided = client.lists().decide("spc-dishonest-debtors", "rec-1", "app-1",
                DecisionRequest.accepted("identity mix-up"));

        assertThat(calls).extracting(Call::uri).containsExactly(base + "/objections", base + "/applications/app-1/decision");
        assertThat(json.readTree(calls.get(1).body())).isEqualTo(json.readTree(
                "{\"outcome\":\"ACCEPTED\",\"reason\":\"identity mix-up\"}"));
        assertThat(decided.decideBy()).isEqualTo(LocalDate.of(2026, 10, 30));
        assertThat(decided.status()).isEqualTo("ACCEPTED");
    }

    @Test
    void queriesSendAsOfDayAndPage() {
        answers.put("GET /api/v1/records", new String[] {"200", "application/json", "[" + RECORD + "]"});
        answers.put("GET /api/v1/lists/spc-dishonest-debtors/records", new String[] {"200", "application/json",
                "{\"items\":[" + RECORD + "],\"page\":1,\"size\":1,\"total\":2}"});

        client.lists().recordsOfSubjectAsOf("sub-1", LocalDate.of(2026, 10, 10), "ENFORCEMENT");
        RecordPage page = client.lists().listRecords("spc-dishonest-debtors", 1, 1, "SUPERVISION");

        assertThat(calls.get(0).uri()).isEqualTo("/api/v1/records?subjectId=sub-1&asOf=2026-10-10");
        assertThat(calls.get(1).uri()).isEqualTo("/api/v1/lists/spc-dishonest-debtors/records?page=1&size=1");
        assertThat(calls).extracting(Call::purpose).containsExactly("ENFORCEMENT", "SUPERVISION");
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.items()).singleElement().extracting(RecordView::id).isEqualTo("rec-1");
    }

    @Test
    void aRecordWithoutFixedEndSendsUntilDeletionGroundAndAFixedTermOmitsIt() {
        answers.put("POST /api/v1/lists/spc-dishonest-debtors/records", new String[] {"201", "application/json", RECORD});
        SubjectNameDto subject = new SubjectNameDto("PERSON", "RESIDENT_ID", "11010519491231002X", null, "张三");

        client.lists().createRecord("spc-dishonest-debtors", new CreateRecordRequest(subject, "c", "g", "f",
                LocalDate.of(2026, 10, 1), null, true));
        client.lists().createRecord("spc-dishonest-debtors", new CreateRecordRequest(subject, "c", "g", "f",
                LocalDate.of(2026, 10, 1), null));

        assertThat(json.readTree(calls.get(0).body()).get("untilDeletionGround").asBoolean()).isTrue();
        assertThat(json.readTree(calls.get(1).body()).has("untilDeletionGround")).isFalse();
    }

    @Test
    void aDeletionRequestSendsItsGround() {
        String path = "/api/v1/lists/spc-dishonest-debtors/records/rec-1/deletion-requests";
        answers.put("POST " + path, new String[] {"201", "application/json",
                APPLICATION.replace("\"OBJECTION\"", "\"DELETION\"").replace("\"reason\":\"wrong\"",
                        "\"reason\":\"consent\",\"ground\":\"CREDITOR_CONSENT\"")});

        ApplicationView filed = client.lists().requestDeletion("spc-dishonest-debtors", "rec-1",
                new DeletionRequest("CREDITOR_CONSENT", "consent"));

        assertThat(json.readTree(calls.getFirst().body())).isEqualTo(json.readTree(
                "{\"ground\":\"CREDITOR_CONSENT\",\"reason\":\"consent\"}"));
        assertThat(filed.kind()).isEqualTo("DELETION");
        assertThat(filed.ground()).isEqualTo("CREDITOR_CONSENT");
    }

    @Test
    void readsMayStateTheirPurpose() {
        answers.put("GET /api/v1/lists/spc-dishonest-debtors/records/rec-1", new String[] {"200", "application/json", RECORD});

        client.lists().getRecord("spc-dishonest-debtors", "rec-1", "OBJECTION_REVIEW");
        client.lists().getRecord("spc-dishonest-debtors", "rec-1");

        assertThat(calls).extracting(Call::purpose).containsExactly("OBJECTION_REVIEW", null);
    }
}
