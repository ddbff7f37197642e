package credit.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import credit.platform.gateway.audit.domain.SubjectRefs;
import credit.platform.gateway.request.CanonicalIdentifiers;
import credit.platform.testsupport.MongoTestServer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A person's (and a company representative's) reads of their own data through the self-service
 * routes are audited like any other read: one chained entry with the client they came through, the
 * route and the status, recorded under their own identifier from the token (and the subjects the
 * answer names), so the read shows in their own access log and in no one else's. No purpose is asked
 * of them; a purpose that is not one of the vocabulary is still refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "credit.gateway.traffic.rate-limits.default.limit=100000",
        "credit.gateway.traffic.rate-limits.citizen.limit=100000"})
class SelfReadAuditTest {

    static final String RESIDENT_ID = "11010519491231002X";
    static final String OTHER_RESIDENT_ID = "110101199003074477";
    static final String USCC = "91350100M000100Y43";
    static final TestIssuer issuer = new TestIssuer();
    static final StubBackend registry = new StubBackend("registry");
    static final StubBackend lists = new StubBackend("lists");
    static final StubBackend scoring = new StubBackend("scoring");
    static final StubBackend tokens = new StubBackend("tokens");

    static {
        tokens.answerWith(body -> "{\"access_token\":\"gateway-service-token\",\"expires_in\":300}");
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) {
        MongoTestServer.register(properties, "audit-self-" + System.nanoTime());
        properties.add("credit.security.issuer-uri", issuer::issuerUri);
        properties.add("credit.gateway.registry-uri", registry::uri);
        properties.add("credit.gateway.lists-uri", lists::uri);
        properties.add("credit.gateway.scoring-uri", scoring::uri);
        properties.add("credit.security.token-uri", () -> tokens.uri() + "/token");
    }

    @AfterAll
    static void stop() {
        issuer.close();
        List.of(registry, lists, scoring, tokens).forEach(StubBackend::close);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    SubjectRefs subjectRefs;

    WebTestClient client;

    final String person = issuer.tokenFor("credit-portal", null, Map.of("resident_id", RESIDENT_ID, "sub", "p-1"),
            "openid");
    final String otherPerson = issuer.tokenFor("credit-portal", null,
            Map.of("resident_id", OTHER_RESIDENT_ID, "sub", "p-2"), "openid");
    final String representative = issuer.tokenFor("credit-portal", null, Map.of("uscc", USCC, "sub", "r-1"),
            "openid");

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        List.of(registry, lists, scoring).forEach(StubBackend::reset);
        // the registry knows no subject for these IDs: access logs match by identifier
        registry.answerWith(body -> "{}");
        mongo.remove(new Query(), "audit_entries").block();
        mongo.remove(new Query(), "audit_head").block();
    }

    String own(String scheme, String value) {
        return subjectRefs.reference(CanonicalIdentifiers.key(scheme, value, null, LocalDate.now()).orElseThrow());
    }

    @Test
    void aPersonReadingTheirOwnRecordsIsRecordedUnderThemWithoutAPurpose() {
        lists.answerWith(body -> "[{\"id\":\"rec-1\",\"subjectId\":\"sub-citizen\",\"listId\":\"spc\"}]");
        client.get().uri("/api/v1/me/records").header("Authorization", "Bearer " + person).exchange()
                .expectStatus().isOk();

        assertThat(entries()).singleElement().satisfies(e -> {
            assertThat(e.getString("clientId")).isEqualTo("credit-portal");
            assertThat(e.getString("agency")).isNull();
            assertThat(e.getString("purpose")).isNull();
            assertThat(e.getString("route")).isEqualTo("GET /api/v1/me/records");
            assertThat(e.getInteger("status")).isEqualTo(200);
            assertThat(e.getList("subjectRefs", String.class))
                    .containsExactly(own("RESIDENT_ID", RESIDENT_ID), "subject:sub-citizen");
            assertThat(e.toJson()).doesNotContain(RESIDENT_ID);
        });
    }

    @Test
    void theReadShowsInTheirOwnAccessLogAndInNoOneElses() {
        scoring.answerWith(body -> "{\"points\":980,\"grade\":\"A\"}");
        client.get().uri("/api/v1/me/score").header("Authorization", "Bearer " + person).exchange()
                .expectStatus().isOk();

        client.get().uri("/api/v1/me/access-log").header("Authorization", "Bearer " + person).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.entries.length()").isEqualTo(1)
                .jsonPath("$.entries[0].route").isEqualTo("GET /api/v1/me/score")
                .jsonPath("$.entries[0].client").isEqualTo("credit-portal");
        // the access-log read itself is one more read of their own data
        assertThat(entries()).extracting(e -> e.getString("route"))
                .containsExactly("GET /api/v1/me/score", "GET /api/v1/me/access-log");
        assertThat(entries().get(1).getList("subjectRefs", String.class))
                .containsExactly(own("RESIDENT_ID", RESIDENT_ID));

        client.get().uri("/api/v1/me/access-log").header("Authorization", "Bearer " + otherPerson).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.entries.length()").isEqualTo(0);
    }

    @Test
    void aCompanysRepresentativeReadingTheCompanysScoreIsRecordedUnderTheCompanyAndThePersonsItNames() {
        // the company's grade includes a contribution from a related person: that person's data was shown too
        scoring.answerWith(body -> "{\"subjectId\":\"sub-company\",\"contributions\":[{\"subjectId\":\"sub-director\"}]}");
        client.get().uri("/api/v1/me/company/score").header("Authorization", "Bearer " + representative).exchange()
                .expectStatus().isOk();

        assertThat(entries()).singleElement().satisfies(e -> {
            assertThat(e.getString("route")).isEqualTo("GET /api/v1/me/company/score");
            assertThat(e.getString("purpose")).isNull();
            assertThat(e.getList("subjectRefs", String.class))
                    .containsExactly(own("USCC", USCC), "subject:sub-company", "subject:sub-director");
        });
    }

    @Test
    void aPurposeThatIsNotOfTheVocabularyIsStillRefusedAndNothingIsRecordedOrForwarded() {
        client.get().uri("/api/v1/me/records").header("Authorization", "Bearer " + person)
                .header("X-Purpose", "curiosity").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("X-Purpose");
        assertThat(lists.received()).isEmpty();
        assertThat(entries()).isEmpty();
    }

    private List<Document> entries() {
        return mongo.find(new Query().with(Sort.by("_id")), Document.class, "audit_entries").collectList().block();
    }
}
