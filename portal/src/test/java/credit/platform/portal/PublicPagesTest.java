package credit.platform.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The portal against a stand-in gateway (a JDK HTTP server answering the public routes with fixed
 * JSON): the public pages render in both languages from what the API returns, an API 404 is the page's
 * 404, a failing platform is a 503 page (never a stack trace), and the signed-in pages send an
 * anonymous visitor to Keycloak's sign-in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicPagesTest {

    static final Map<String, String> ANSWERS = new ConcurrentHashMap<>();
    /** What each API call carried: path → "Authorization | X-Portal-Visitor". */
    static final Map<String, String> SEEN = new ConcurrentHashMap<>();
    static final java.util.concurrent.atomic.AtomicInteger TOKENS_ISSUED = new java.util.concurrent.atomic.AtomicInteger();
    static volatile boolean tokenEndpointDown;
    static final HttpServer GATEWAY = start();
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            // plays Keycloak's token endpoint for the portal's own client-credentials token
            server.createContext("/realms/credit/protocol/openid-connect/token", exchange -> {
                String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                boolean ok = !tokenEndpointDown && form.contains("grant_type=client_credentials");
                byte[] body = (ok ? "{\"access_token\":\"portal-token-" + TOKENS_ISSUED.incrementAndGet()
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":300}" : "{\"error\":\"unavailable\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(ok ? 200 : 503, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.createContext("/", exchange -> {
                SEEN.put(exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization") + " | "
                                + exchange.getRequestHeaders().getFirst("X-Portal-Visitor"));
                String answer = ANSWERS.get(exchange.getRequestURI().getPath());
                byte[] body = (answer == null ? "{\"type\":\"x\",\"status\":404,\"detail\":\"no such thing\"}" : answer)
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type",
                        answer == null ? "application/problem+json" : "application/json");
                exchange.sendResponseHeaders(answer == null ? 404 : answer.startsWith("!") ? 503 : 200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("credit.portal.gateway-uri", () -> "http://127.0.0.1:" + GATEWAY.getAddress().getPort());
        registry.add("credit.security.issuer-uri",
                () -> "http://127.0.0.1:" + GATEWAY.getAddress().getPort() + "/realms/credit");
    }

    @AfterAll
    static void stop() {
        GATEWAY.stop(0);
    }

    @BeforeEach
    void answers() {
        ANSWERS.clear();
        SEEN.clear();
        tokenEndpointDown = false;
        ANSWERS.put("/api/v1/public/lists", """
                [{"id":"spc-dishonest-debtors","name":"失信被执行人名单 (List of dishonest judgment debtors)","kind":"BLACK",
                  "issuingAuthority":"SPC","legalBasis":"法释〔2013〕17号",
                  "rules":{"defaultDuration":"P2Y","minExtension":"P1Y","maxExtension":"P3Y","untilDeletionGround":true,
                  "objectionWindow":null,"objectionDecision":{"amount":15,"unit":"DAYS"},"repair":null}}]""");
        ANSWERS.put("/api/v1/public/models", """
                [{"id":"corporate-compliance","version":3,"subjectKind":"LEGAL_ENTITY","defaultForKind":true,
                  "definition":{"basePoints":1000,"bands":[{"grade":"A","minPoints":950},{"grade":"D"}]}}]""");
        ANSWERS.put("/api/v1/public/measures", """
                {"version":"2026-1","rules":[
                  {"id":"r1","listId":"spc-dishonest-debtors","listKind":null,"modelId":null,"grades":null,
                   "reasonCode":"SPC","maxDuration":null,"measures":[{"code":"AIR_TRAVEL_BAN","kind":"TRAVEL",
                   "description":"No air travel","legalBasis":"法释〔2013〕17号"}],"signatories":["SPC"],
                   "appeal":"objection to the court","legalBasis":"法释〔2013〕17号"},
                  {"id":"r2","listId":null,"listKind":null,"modelId":"corporate-compliance","grades":["D"],
                   "reasonCode":"GRADE_D","maxDuration":"P1Y","measures":[],"signatories":[],"appeal":"repair",
                   "legalBasis":"x"}]}""");
        ANSWERS.put("/api/v1/public/companies/91350200776049653A", """
                {"uscc":"91350200776049653A","name":"厦门鹭岛示例贸易有限公司","status":"ACTIVE","statusDate":null,
                 "registrationRegion":null}""");
        ANSWERS.put("/api/v1/public/companies/91350200776049653A/records", """
                [{"listId":"samr-abnormal-operations","listName":"经营异常名录","listKind":"IRREGULARITY",
                  "subjectKind":"LEGAL_ENTITY","identifier":"91350200776049653A","issuingAuthority":"SAMR",
                  "legalBasis":"企业信息公示暂行条例","caseNumber":"厦市监异〔2026〕17号","legalGround":"unreachable",
                  "facts":"mail returned","effectiveFrom":"2026-10-01","effectiveUntil":null,"untilDeletionGround":true,
                  "remedies":{"objectionLastDay":"2026-10-31","objectionDecidedWithin":"15 days","repairable":false,
                  "repairFrom":null,"repairDecidedWithin":null,"deletionActedOnWithin":"5 working days"}}]""");
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void howItWorksIsGeneratedFromTheListsAndModelsTheApiReturnsInBothLanguages() throws Exception {
        HttpResponse<String> en = get("/how-it-works?lang=en");
        assertThat(en.statusCode()).isEqualTo(200);
        assertThat(en.body()).contains("<html lang=\"en\"", "失信被执行人名单", "decided within 15 days", "corporate-compliance",
                "950");
        // the joint measures, each rule named by its list or else its model; and the page to its end
        assertThat(en.body()).contains("AIR_TRAVEL_BAN", "No air travel", "objection to the court", "</html>");
        assertThat(en.body()).containsPattern("<h3>\\s*corporate-compliance\\s*</h3>");
        HttpResponse<String> zh = get("/how-it-works?lang=zh-CN");
        assertThat(zh.body()).contains("<html lang=\"zh-CN\"", "平台说明", "等级划分");
    }

    @Test
    void aCompanyPageShowsItsPublicRecordsAndSaysWhenThereIsNoGrade() throws Exception {
        HttpResponse<String> page = get("/companies/91350200776049653A?lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("厦门鹭岛示例贸易有限公司", "厦市监异〔2026〕17号", "until 2026-10-31",
                "No public grade.");
    }

    @Test
    void anUnknownCompanyIsNotFoundAndAFailingPlatformIsAFriendly503() throws Exception {
        assertThat(get("/companies/91350200776049653B?lang=en").statusCode()).isEqualTo(404);
        ANSWERS.put("/api/v1/public/lists", "!down");
        HttpResponse<String> down = get("/lists?lang=en");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("try again later").doesNotContain("Exception");
    }

    @Test
    void signedInPagesSendAnAnonymousVisitorToSignIn() throws Exception {
        for (String path : new String[] {"/me", "/company", "/desk", "/me/records/x"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/oauth2/authorization/keycloak");
        }
    }

    @Test
    void publicPagesAskTheApiWithThePortalsOwnTokenNamingTheVisitorSoEachVisitorHasTheirOwnBudget() throws Exception {
        assertThat(get("/companies/91350200776049653A?lang=en").statusCode()).isEqualTo(200);
        // this test's client is the visitor, from the loopback address
        assertThat(SEEN.get("/api/v1/public/companies/91350200776049653A"))
                .matches("Bearer portal-token-\\d+ \\| (127\\.0\\.0\\.1|0:0:0:0:0:0:0:1)");
        int issued = TOKENS_ISSUED.get();
        assertThat(get("/lists?lang=en").statusCode()).isEqualTo(200);
        assertThat(SEEN.get("/api/v1/public/lists")).startsWith("Bearer portal-token-");
        assertThat(TOKENS_ISSUED.get()).as("the token is kept, not fetched per page").isEqualTo(issued);
    }

    @Test
    void withoutThePortalsTokenThePublicPagesStillWorkAnonymously() throws Exception {
        tokenEndpointDown = true;
        relay.forget();
        try {
            assertThat(get("/lists?lang=en").statusCode()).isEqualTo(200);
            assertThat(SEEN.get("/api/v1/public/lists")).isEqualTo("null | null");
        } finally {
            tokenEndpointDown = false;
            relay.forget();
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    credit.platform.portal.api.VisitorRelay relay;
}
