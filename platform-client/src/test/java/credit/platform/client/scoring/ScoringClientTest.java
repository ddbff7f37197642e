package credit.platform.client.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import credit.platform.client.PlatformClient;
import credit.platform.client.PlatformClientProperties;
import credit.platform.client.PlatformClients;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scoring calls of the SDK against a stand-in gateway (a JDK HTTP server answering as
 * scoring-service would; the system tests use the real one): paths, query parameters, bodies and
 * answers read back.
 */
class ScoringClientTest {

    static final String SCORE = """
            {"subjectId":"sub-1","modelId":"suining-county-person","modelVersion":2,"basePoints":1000,"points":950,
             "grade":"B","contributions":[{"ruleId":"spc-dishonest-debtor","sourceRef":"list-record:rec-1","points":-50,
             "description":"Listed as a dishonest judgment debtor (SPC) (spc-dishonest-debtors, SPC)"}],
             "computedAt":"2026-10-15T02:00:00Z"}""";

    record Call(String method, String uri, String body, String purpose) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    final Map<String, String> answers = new ConcurrentHashMap<>();
    HttpServer server;
    PlatformClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", exchange -> send(exchange, 200,
                "{\"access_token\":\"t\",\"expires_in\":300,\"token_type\":\"Bearer\"}"));
        server.createContext("/api/", exchange -> {
            calls.add(new Call(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("X-Purpose")));
            String answer = answers.get(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            send(exchange, answer == null ? 404 : 200, answer == null ? "{\"status\":404}" : answer);
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        client = PlatformClients.create(new PlatformClientProperties(base, base + "/token", "platform-admin", "s"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void scoreByModelAndAsOfSendTheQueryParametersAndReadTheExplanation() {
        answers.put("GET /api/v1/scores/sub-1", SCORE);

        ScoreView plain = client.scoring().getScore("sub-1");
        ScoreView named = client.scoring().getScore("sub-1", "rongcheng-city-person");
        ScoreView asOf = client.scoring().getScoreAsOf("sub-1", "", "2026-10-15", "SUPERVISION");
        ScoreView withPurpose = client.scoring().getScore("sub-1", "", "ENFORCEMENT");

        assertThat(plain.contributions()).singleElement()
                .satisfies(c -> assertThat(c.sourceRef()).isEqualTo("list-record:rec-1"));
        assertThat(named.grade()).isEqualTo("B");
        assertThat(asOf.modelVersion()).isEqualTo(2);
        assertThat(withPurpose.points()).isEqualTo(950);
        assertThat(calls).extracting(Call::uri).containsExactly("/api/v1/scores/sub-1",
                "/api/v1/scores/sub-1?model=rongcheng-city-person", "/api/v1/scores/sub-1?model&asOf=2026-10-15",
                "/api/v1/scores/sub-1?model");
        assertThat(calls).extracting(Call::purpose).containsExactly(null, null, "SUPERVISION", "ENFORCEMENT");
    }

    @Test
    void historyModelsPublishAndRecomputeUseTheirPaths() {
        answers.put("GET /api/v1/scores/sub-1/history", """
                {"subjectId":"sub-1","entries":[{"modelId":"m","modelVersion":2,"points":950,"grade":"B",
                 "cause":"lists change 7: CREATED of list-record:rec-1","computedAt":"2026-10-15T02:00:00Z",
                 "contributions":[]}]}""");
        answers.put("POST /api/v1/scores/models", """
                {"id":"m","version":3,"subjectKind":"PERSON","jurisdiction":"","effectiveFrom":null,
                 "defaultForKind":false,"definition":{"id":"m"}}""");
        answers.put("POST /api/v1/scores/models/m/recompute", """
                {"jobId":"m@3","modelId":"m","modelVersion":3,"state":"RUNNING","total":10,"done":0,"changed":0,
                 "startedAt":"2026-10-15T02:00:00Z","finishedAt":null}""");

        ScoreHistoryView history = client.scoring().history("sub-1", "m", "OBJECTION_REVIEW");
        ScoringModelView published = client.scoring().publishModel(Map.of("id", "m", "version", 3));
        RecomputeView job = client.scoring().startRecompute("m");

        assertThat(history.entries()).singleElement().satisfies(e -> assertThat(e.cause()).contains("rec-1"));
        assertThat(published.version()).isEqualTo(3);
        assertThat(job.jobId()).isEqualTo("m@3");
        assertThat(calls.get(0).purpose()).isEqualTo("OBJECTION_REVIEW");
        assertThat(calls.get(1).method()).isEqualTo("POST");
        assertThat(calls.get(1).body()).contains("\"version\":3");
    }
}
