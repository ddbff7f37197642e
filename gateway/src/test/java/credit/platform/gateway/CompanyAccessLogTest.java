package credit.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import credit.platform.testsupport.MongoTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/me/company/access-log}: a company's representative sees who read the company's
 * data, when and why — the accesses by the company's USCC and by its registry subject id — for the
 * USCC in their own token only (a USCC in the request changes nothing); a second company's
 * representative sees none of them, a person without a company is refused. Pages of
 * {@code credit.audit.access-log-limit} entries (2 here), older ones through {@code ?before=}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "credit.gateway.traffic.rate-limits.default.limit=100000",
        "credit.gateway.traffic.rate-limits.citizen.limit=100000",
        "credit.audit.access-log-limit=2"})
class CompanyAccessLogTest {

    static final String USCC = "91350100M000100Y43";
    static final String OTHER_USCC = "91350200776049653A";
    static final TestIssuer issuer = new TestIssuer();
    static final StubBackend registry = new StubBackend("registry");
    static final StubBackend tokens = new StubBackend("tokens");
    static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        tokens.answerWith(body -> "{\"access_token\":\"gateway-service-token\",\"expires_in\":300}");
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) {
        MongoTestServer.register(properties, "audit-company-" + System.nanoTime());
        properties.add("credit.security.issuer-uri", issuer::issuerUri);
        properties.add("credit.gateway.registry-uri", registry::uri);
        properties.add("credit.security.token-uri", () -> tokens.uri() + "/token");
    }

    @AfterAll
    static void stop() {
        issuer.close();
        List.of(registry, tokens).forEach(StubBackend::close);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    ReactiveMongoTemplate mongo;

    WebTestClient client;

    final String samr = issuer.tokenFor("samr-demo", "SAMR", Map.of(), "registry.read");
    final String representative = issuer.tokenFor("credit-portal", null, Map.of("uscc", USCC, "sub", "r-1"), "openid");
    final String otherRepresentative = issuer.tokenFor("credit-portal", null,
            Map.of("uscc", OTHER_USCC, "sub", "r-2"), "openid");
    final String person = issuer.tokenFor("credit-portal", null,
            Map.of("resident_id", "11010519491231002X", "sub", "p-1"), "openid");

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        registry.reset();
        // the registry: the company is subject sub-company; the other company is not registered
        registry.answerByPath(path -> path.contains("value=" + USCC) || path.endsWith("/sub-company")
                ? "{\"id\":\"sub-company\"}" : "{}");
        mongo.remove(new Query(), "audit_entries").block();
        mongo.remove(new Query(), "audit_head").block();
    }

    void read(String path, String purpose) {
        client.get().uri(path).header("Authorization", "Bearer " + samr).header("X-Purpose", purpose).exchange()
                .expectStatus().isOk();
    }

    JsonNode log(String token, String query) {
        byte[] body = client.get().uri("/api/v1/me/company/access-log" + query).header("Authorization", "Bearer " + token)
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    @Test
    void theRepresentativeSeesWhoReadTheCompanyByItsUsccOrItsSubjectIdWithTheirPurpose() {
        read("/api/v1/subjects/lookup?scheme=USCC&value=" + USCC, "SUPERVISION");
        read("/api/v1/subjects/sub-company", "LICENSING");
        read("/api/v1/subjects/sub-another-company", "ENFORCEMENT");

        JsonNode log = log(representative, "");
        assertThat(log.path("entries")).hasSize(2);
        assertThat(log.path("entries").get(0).path("route").asString()).isEqualTo("GET /api/v1/subjects/{subjectId}/**");
        assertThat(log.path("entries").get(0).path("purpose").asString()).isEqualTo("LICENSING");
        assertThat(log.path("entries").get(0).path("client").asString()).isEqualTo("samr-demo");
        assertThat(log.path("entries").get(0).path("agency").asString()).isEqualTo("SAMR");
        assertThat(log.path("entries").get(1).path("route").asString()).isEqualTo("GET /api/v1/subjects/lookup");
        assertThat(log.path("entries").get(1).path("purpose").asString()).isEqualTo("SUPERVISION");
        assertThat(log.path("matchedBy").toString()).isEqualTo("[\"USCC\",\"SUBJECT_ID\"]");
        assertThat(log.path("complete").asBoolean()).isTrue();
        // the registry was asked about the company of the token
        assertThat(registry.received()).anySatisfy(r -> assertThat(r.pathAndQuery())
                .isEqualTo("/api/v1/subjects/lookup?scheme=USCC&value=" + USCC));
    }

    @Test
    void aUsccInTheRequestChangesNothingAndASecondCompanysRepresentativeSeesNoneOfIt() {
        read("/api/v1/subjects/sub-company", "SUPERVISION");

        // the other company's representative, naming the first company in the request: their own log
        JsonNode other = log(otherRepresentative, "?uscc=" + USCC);
        assertThat(other.path("entries")).isEmpty();
        assertThat(registry.received()).noneSatisfy(r -> assertThat(r.pathAndQuery()).contains("lookup")
                .contains("value=" + USCC));
        // and a person with no company is refused, the registry not asked
        int asked = registry.received().size();
        client.get().uri("/api/v1/me/company/access-log").header("Authorization", "Bearer " + person).exchange()
                .expectStatus().isForbidden();
        assertThat(registry.received()).hasSize(asked);
        // the company's own representative sees the read
        assertThat(log(representative, "").path("entries")).hasSize(1);
    }

    @Test
    void olderEntriesAreReachedPageByPage() {
        read("/api/v1/subjects/sub-company", "SUPERVISION");
        read("/api/v1/subjects/sub-company", "LICENSING");
        read("/api/v1/subjects/sub-company", "ENFORCEMENT");

        JsonNode first = log(representative, "");
        assertThat(first.path("entries")).extracting(e -> e.path("purpose").asString())
                .containsExactly("ENFORCEMENT", "LICENSING");
        long next = first.path("next").asLong();
        assertThat(next).isEqualTo(first.path("entries").get(1).path("sequence").asLong());

        JsonNode second = log(representative, "?before=" + next);
        assertThat(second.path("entries")).extracting(e -> e.path("purpose").asString()).containsExactly("SUPERVISION");
        assertThat(second.path("next").isNull()).isTrue();
    }

    @Test
    void aPageThatIsNotASequenceIsRefusedNamingTheField() {
        for (String bad : List.of("abc", "0", "-5")) {
            client.get().uri("/api/v1/me/company/access-log?before=" + bad)
                    .header("Authorization", "Bearer " + representative).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith("application/problem+json")
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("before");
        }
    }
}
