package credit.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;

import credit.platform.gateway.traffic.TravelCheckCounts;
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
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The audit through the running gateway: purpose required for person reads, one chained entry per
 * access with client, agency, purpose, subject, route and status; travel checks counted, and only
 * their DENY answers recorded (subject fingerprints);
 * the auditor's verification; the citizen's own access log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "credit.gateway.traffic.rate-limits.default.limit=100000"})
class AuditTest {

    static final String RESIDENT_ID = "11010519491231002X";
    static final TestIssuer issuer = new TestIssuer();
    static final StubBackend registry = new StubBackend("registry");
    static final StubBackend lists = new StubBackend("lists");
    static final StubBackend scoring = new StubBackend("scoring");
    static final StubBackend sanctions = new StubBackend("sanctions");
    /** Stands in for Keycloak's token endpoint (the gateway's own client-credentials token). */
    static final StubBackend tokens = new StubBackend("tokens");

    static {
        tokens.answerWith(body -> "{\"access_token\":\"gateway-service-token\",\"expires_in\":300}");
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) {
        MongoTestServer.register(properties, "audit-http-" + System.nanoTime());
        properties.add("credit.security.issuer-uri", issuer::issuerUri);
        properties.add("credit.gateway.registry-uri", registry::uri);
        properties.add("credit.gateway.lists-uri", lists::uri);
        properties.add("credit.gateway.scoring-uri", scoring::uri);
        properties.add("credit.gateway.sanctions-uri", sanctions::uri);
        properties.add("credit.security.token-uri", () -> tokens.uri() + "/token");
    }

    @AfterAll
    static void stop() {
        issuer.close();
        List.of(registry, lists, scoring, sanctions, tokens).forEach(StubBackend::close);
    }

    @Value("${local.server.port}")
    int port;

    /** The in-memory travel-check counters, flushed by the tests instead of waiting for the timer. */
    @Autowired
    TravelCheckCounts counts;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    credit.platform.gateway.audit.domain.SubjectRefs subjectRefs;

    @Autowired
    credit.platform.gateway.audit.domain.AuditLog auditLog;

    WebTestClient client;

    final String court = issuer.tokenFor("court-demo", "SPC", Map.of(), "lists.read", "lists.write", "registry.read");
    final String auditor = issuer.tokenFor("auditor-demo", null, Map.of(), "audit.read");

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        List.of(registry, lists, scoring, sanctions).forEach(StubBackend::reset);
        mongo.remove(new Query(), "audit_entries").block();
        mongo.remove(new Query(), "audit_head").block();
        // emptying the store is a deliberate restore here: the gateway forgets its own newest entry
        ((credit.platform.gateway.audit.mongo.MongoAuditLog) auditLog).forgetOwnNewestEntry();
        counts.flush().block();
        mongo.remove(new Query(), "travel_check_counts").block();
    }

    @Test
    void aPersonReadWithoutPurposeIsRefusedForwardsNothingAndRecordsNothing() {
        client.get().uri("/api/v1/subjects/sub-1").header("Authorization", "Bearer " + court).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://credit.example/problems/purpose-required")
                .jsonPath("$.errors[0].field").isEqualTo("X-Purpose")
                .jsonPath("$.errors[0].rule").isEqualTo("required");
        client.get().uri("/api/v1/records?subjectId=sub-1").header("Authorization", "Bearer " + court)
                .header("X-Purpose", "curiosity").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].rule").isEqualTo("one-of");

        assertThat(registry.received()).isEmpty();
        assertThat(lists.received()).isEmpty();
        assertThat(entries()).isEmpty();
    }

    @Test
    void aPersonReadIsRecordedWithClientAgencyPurposeSubjectRouteAndStatus() {
        client.get().uri("/api/v1/records?subjectId=sub-7").header("Authorization", "Bearer " + court)
                .header("X-Purpose", "ENFORCEMENT").exchange()
                .expectStatus().isOk();

        assertThat(entries()).singleElement().satisfies(e -> {
            assertThat(e.get("_id")).isEqualTo(1L);
            assertThat(e.getString("clientId")).isEqualTo("court-demo");
            assertThat(e.getString("agency")).isEqualTo("SPC");
            assertThat(e.getString("purpose")).isEqualTo("ENFORCEMENT");
            assertThat(e.getList("subjectRefs", String.class)).containsExactly("subject:sub-7");
            assertThat(e.getString("route")).isEqualTo("GET /api/v1/records/**");
            assertThat(e.getInteger("status")).isEqualTo(200);
            assertThat(e.getString("hash")).hasSize(64);
        });
    }

    @Test
    void aReadWithAnEmptyQueryParameterKeepsItsPurpose() {
        // platform-client sends "?model" (no value) for the default model
        client.get().uri("/api/v1/scores/sub-9?model").header("Authorization", "Bearer " + court)
                .header("X-Purpose", "SUPERVISION").exchange()
                .expectStatus().isForbidden(); // court has no scoring.read: authorization before purpose
        String scorer = issuer.tokenFor("scorer", null, Map.of(), "scoring.read");
        client.get().uri("/api/v1/scores/sub-9?model").header("Authorization", "Bearer " + scorer)
                .header("X-Purpose", "SUPERVISION").exchange()
                .expectStatus().isOk();
        assertThat(entries()).singleElement().satisfies(e -> {
            assertThat(e.getString("purpose")).isEqualTo("SUPERVISION");
            assertThat(e.getList("subjectRefs", String.class)).containsExactly("subject:sub-9");
        });
    }

    @Test
    void aLookupByIdentifierStoresAFingerprintNeverTheIdNumber() {
        client.get().uri("/api/v1/subjects/lookup?scheme=RESIDENT_ID&value=" + RESIDENT_ID)
                .header("Authorization", "Bearer " + court).header("X-Purpose", "SUPERVISION").exchange()
                .expectStatus().isOk();

        assertThat(entries()).singleElement().satisfies(e -> {
            assertThat(e.toJson()).doesNotContain(RESIDENT_ID).doesNotContain("11010519491231002");
            assertThat(e.getList("subjectRefs", String.class)).singleElement().asString().startsWith("id:RESIDENT_ID:");
        });
    }

    @Test
    void writesAreRecordedAndTravelChecksOnlyCountedPerClient() {
        client.post().uri("/api/v1/lists/SPC_DEBTORS/records").header("Authorization", "Bearer " + court)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isOk();
        String airline = issuer.tokenFor("airline-demo", null, Map.of(), "travel.check");
        for (int i = 0; i < 3; i++) {
            client.post().uri("/api/v1/travel-checks").header("Authorization", "Bearer " + airline)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isOk();
        }

        assertThat(entries()).singleElement().satisfies(e -> {
            assertThat(e.getString("method")).isEqualTo("POST");
            assertThat(e.getString("route")).isEqualTo("POST /api/v1/lists/{listId}/records");
            assertThat(e.getList("subjectRefs", String.class)).isEmpty();
        });
        List<Document> counts = storedCounts();
        assertThat(counts).singleElement().satisfies(c -> {
            assertThat(c.getString("clientId")).isEqualTo("airline-demo");
            assertThat(c.getInteger("total")).isEqualTo(3);
            assertThat(c.getInteger("answered")).isEqualTo(3);
        });
    }

    /** Stands in for sanctions-service's REST travel checks: DENY for {@link #RESIDENT_ID}, ALLOW otherwise. */
    static String fakeTravelDecisions(String body) {
        String single = "{\"passengerRef\":\"P\",\"decision\":\"%s\",\"decisionId\":\"d-1\"}";
        if (body.contains("\"checks\"")) {
            String[] checks = body.split("\"passengerRef\"");
            StringBuilder results = new StringBuilder();
            for (int i = 1; i < checks.length; i++) {
                results.append(i > 1 ? "," : "").append(single.formatted(checks[i].contains(RESIDENT_ID) ? "DENY" : "ALLOW"));
            }
            return "{\"results\":[" + results + "],\"receipt\":\"r\"}";
        }
        return single.formatted(body.contains(RESIDENT_ID) ? "DENY" : "ALLOW");
    }

    static String travelCheck(String residentId) {
        return "{\"passengerRef\":\"PNR-1\",\"document\":{\"type\":\"RESIDENT_ID\",\"number\":\"" + residentId
                + "\"},\"name\":\"Passenger\",\"mode\":\"AIR\"}";
    }

    @Test
    void aRestTravelCheckDenyIsRecordedAsAFingerprintAndAllowsAreOnlyCounted() {
        sanctions.answerWith(AuditTest::fakeTravelDecisions);
        String airline = issuer.tokenFor("airline-demo", null, Map.of(), "travel.check");
        String other = "110101199003074477";

        client.post().uri("/api/v1/travel-checks").header("Authorization", "Bearer " + airline)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(travelCheck(other)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.decision").isEqualTo("ALLOW");
        assertThat(entries()).isEmpty();

        client.post().uri("/api/v1/travel-checks/batch").header("Authorization", "Bearer " + airline)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"checks\":[" + travelCheck(other) + "," + travelCheck(RESIDENT_ID) + "]}").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.results[1].decision").isEqualTo("DENY");

        assertThat(entries()).singleElement().satisfies(e -> {
            assertThat(e.getString("clientId")).isEqualTo("airline-demo");
            assertThat(e.getString("route")).isEqualTo("POST /api/v1/travel-checks/batch");
            assertThat(e.getString("purpose")).isEqualTo("ENFORCEMENT");
            assertThat(e.getList("subjectRefs", String.class)).singleElement().asString().startsWith("id:RESIDENT_ID:");
            assertThat(e.toJson()).doesNotContain(RESIDENT_ID).doesNotContain(other);
        });
        List<Document> counts = storedCounts();
        assertThat(counts).singleElement().satisfies(c -> {
            assertThat(c.getInteger("total")).isEqualTo(2);
            assertThat(c.getInteger("allow")).isEqualTo(2);
            assertThat(c.getInteger("deny")).isEqualTo(1);
        });

        String citizen = issuer.tokenFor("credit-web", null, Map.of("resident_id", RESIDENT_ID), "openid");
        client.get().uri("/api/v1/me/access-log").header("Authorization", "Bearer " + citizen).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.entries[0].client").isEqualTo("airline-demo");
    }

    @Test
    void theAuditorSeesTheChainIntactThenBrokenAfterTampering() {
        for (String id : List.of("a", "b", "c")) {
            client.get().uri("/api/v1/scores/" + id).header("Authorization", "Bearer " + issuer.tokenFor(
                    "platform-admin", null, Map.of(), "platform.admin")).header("X-Purpose", "LICENSING")
                    .exchange().expectStatus().isOk();
        }
        verify().jsonPath("$.intact").isEqualTo(true).jsonPath("$.entriesChecked").isEqualTo(3);

        mongo.updateFirst(Query.query(Criteria.where("_id").is(2L)), Update.update("clientId", "nobody"),
                "audit_entries").block();

        verify().jsonPath("$.intact").isEqualTo(false)
                .jsonPath("$.firstBrokenSequence").isEqualTo(2)
                .jsonPath("$.reason").isEqualTo("content does not match its hash");
    }

    @Test
    void aPublishedHeadCatchesACutTailThatTheChainAloneCannot() {
        String admin = issuer.tokenFor("platform-admin", null, Map.of(), "platform.admin");
        for (String id : List.of("a", "b", "c")) {
            client.get().uri("/api/v1/scores/" + id).header("Authorization", "Bearer " + admin)
                    .header("X-Purpose", "LICENSING").exchange().expectStatus().isOk();
        }
        String anchor = JsonPath.read(client.get().uri("/api/v1/audit/head").header("Authorization", "Bearer " + auditor)
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody(), "$.anchor");
        assertThat(anchor).startsWith("3:");
        verify("?anchors=" + anchor).jsonPath("$.intact").isEqualTo(true).jsonPath("$.anchorsChecked").isEqualTo(1);

        // someone with database access cuts the last entry and moves the head back
        Document second = mongo.findById(2L, Document.class, "audit_entries").block();
        mongo.remove(Query.query(Criteria.where("_id").is(3L)), "audit_entries").block();
        mongo.updateFirst(Query.query(Criteria.where("_id").is("head")),
                Update.update("seq", 2L).set("hash", second.getString("hash")), "audit_head").block();

        // this gateway appended entry 3 itself: it catches the cut without any published head
        verify("").jsonPath("$.intact").isEqualTo(false).jsonPath("$.firstBrokenSequence").isEqualTo(3);
        // a replica that did not append it (or this one after a restart) needs the published head
        ((credit.platform.gateway.audit.mongo.MongoAuditLog) auditLog).forgetOwnNewestEntry();
        verify("").jsonPath("$.intact").isEqualTo(true);
        verify("?anchors=" + anchor).jsonPath("$.intact").isEqualTo(false)
                .jsonPath("$.firstBrokenSequence").isEqualTo(3);
        client.get().uri("/api/v1/audit/verify?anchors=3:nothex").header("Authorization", "Bearer " + auditor)
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("anchors");
    }

    private WebTestClient.BodyContentSpec verify(String query) {
        return client.get().uri("/api/v1/audit/verify" + query).header("Authorization", "Bearer " + auditor).exchange()
                .expectStatus().isOk().expectBody();
    }

    @Test
    void theCitizenSeesWhoLookedAtTheirDataAndWhyButNotOthersEntries() {
        String admin = issuer.tokenFor("platform-admin", null, Map.of(), "platform.admin");
        client.get().uri("/api/v1/subjects/lookup?scheme=RESIDENT_ID&value=" + RESIDENT_ID.toLowerCase())
                .header("Authorization", "Bearer " + court).header("X-Purpose", "ENFORCEMENT").exchange()
                .expectStatus().isOk();
        client.get().uri("/api/v1/subjects/lookup?scheme=RESIDENT_ID&value=44030619900307456X")
                .header("Authorization", "Bearer " + admin).header("X-Purpose", "SUPERVISION").exchange()
                .expectStatus().isOk();

        String citizen = issuer.tokenFor("credit-web", null, Map.of("resident_id", RESIDENT_ID), "openid");
        client.get().uri("/api/v1/me/access-log").header("Authorization", "Bearer " + citizen).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.entries.length()").isEqualTo(1)
                .jsonPath("$.entries[0].client").isEqualTo("court-demo")
                .jsonPath("$.entries[0].agency").isEqualTo("SPC")
                .jsonPath("$.entries[0].purpose").isEqualTo("ENFORCEMENT")
                .jsonPath("$.entries[0].route").isEqualTo("GET /api/v1/subjects/lookup")
                // the registry knows no subject for the ID here: matched by the identifier only
                .jsonPath("$.matchedBy.length()").isEqualTo(1)
                .jsonPath("$.complete").isEqualTo(true);
    }

    @Test
    void theCitizenAlsoSeesAccessesByTheirSubjectIdOnceTheRegistrySaysWhichSubjectTheyAre() {
        registry.answerWith(body -> "{\"id\":\"sub-citizen\"}");
        String admin = issuer.tokenFor("platform-admin", null, Map.of(), "platform.admin");
        client.get().uri("/api/v1/scores/sub-citizen").header("Authorization", "Bearer " + admin)
                .header("X-Purpose", "LICENSING").exchange().expectStatus().isOk();
        client.get().uri("/api/v1/scores/sub-someone-else").header("Authorization", "Bearer " + admin)
                .header("X-Purpose", "SUPERVISION").exchange().expectStatus().isOk();

        String citizen = issuer.tokenFor("credit-web", null, Map.of("resident_id", RESIDENT_ID), "openid");
        client.get().uri("/api/v1/me/access-log").header("Authorization", "Bearer " + citizen).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.entries.length()").isEqualTo(1)
                .jsonPath("$.entries[0].client").isEqualTo("platform-admin")
                .jsonPath("$.entries[0].purpose").isEqualTo("LICENSING")
                .jsonPath("$.entries[0].route").isEqualTo("GET /api/v1/scores/{subjectId}/**")
                .jsonPath("$.matchedBy[1]").isEqualTo("SUBJECT_ID")
                .jsonPath("$.complete").isEqualTo(true);
        // asked with the gateway's own token, never the citizen's
        assertThat(registry.received()).anySatisfy(r -> {
            assertThat(r.pathAndQuery()).startsWith("/api/v1/subjects/lookup?scheme=RESIDENT_ID&value=");
            assertThat(r.authorization()).isEqualTo("Bearer gateway-service-token");
        });
    }

    @Test
    void aRecordReadByItsIdOrAListPageIsRecordedUnderThePersonsTheAnswerNames() {
        String admin = issuer.tokenFor("platform-admin", null, Map.of(), "platform.admin");
        lists.answerWith(body -> "{\"id\":\"rec-9\",\"subjectId\":\"sub-citizen\",\"listId\":\"spc\"}");
        client.get().uri("/api/v1/lists/spc-dishonest-debtors/records/rec-9").header("Authorization", "Bearer " + admin)
                .header("X-Purpose", "OBJECTION_REVIEW").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.subjectId").isEqualTo("sub-citizen");
        lists.answerWith(body -> "{\"items\":[{\"id\":\"r1\",\"subjectId\":\"sub-a\"},"
                + "{\"id\":\"r2\",\"subjectId\":\"sub-b\"}],\"page\":0,\"size\":50,\"total\":2}");
        client.get().uri("/api/v1/lists/spc-dishonest-debtors/records").header("Authorization", "Bearer " + admin)
                .header("X-Purpose", "SUPERVISION").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(2);

        List<Document> entries = entries();
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).getList("subjectRefs", String.class))
                .containsExactlyInAnyOrder("record:rec-9", "subject:sub-citizen");
        assertThat(entries.get(1).getList("subjectRefs", String.class)).containsExactly("subject:sub-a", "subject:sub-b");

        registry.answerWith(body -> "{\"id\":\"sub-citizen\"}");
        String citizen = issuer.tokenFor("credit-web", null, Map.of("resident_id", RESIDENT_ID), "openid");
        client.get().uri("/api/v1/me/access-log").header("Authorization", "Bearer " + citizen).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.entries.length()").isEqualTo(1)
                .jsonPath("$.entries[0].purpose").isEqualTo("OBJECTION_REVIEW");
    }

    @Test
    void withoutTheRegistryTheCitizensLogSaysItIsIncomplete() {
        registry.answerWith(body -> {
            throw new IllegalStateException("registry down (the stub drops the connection)");
        });
        String citizen = issuer.tokenFor("credit-web", null, Map.of("resident_id", RESIDENT_ID), "openid");
        client.get().uri("/api/v1/me/access-log").header("Authorization", "Bearer " + citizen).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.complete").isEqualTo(false)
                .jsonPath("$.matchedBy.length()").isEqualTo(1);
    }

    private WebTestClient.BodyContentSpec verify() {
        return client.get().uri("/api/v1/audit/verify").header("Authorization", "Bearer " + auditor).exchange()
                .expectStatus().isOk().expectBody();
    }

    private List<Document> entries() {
        return mongo.find(new Query().with(Sort.by("_id")), Document.class, "audit_entries").collectList().block();
    }

    // ---------------------------------------------------------------- the request view, end to end

    @Test
    void anEncodedPathIsRefusedBeforeSecurityForwardsNothingAndRecordsNothing() {
        for (String path : List.of("/api/v1/%73ubjects/lookup?scheme=RESIDENT_ID&value=" + RESIDENT_ID,
                "/api/%761/subjects/sub-1", "/api/v1/subjects/./sub-1", "/api/v1//subjects/sub-1",
                "/api/v1/subjects;x=1/sub-1", "/api/v1/lists/L/%72ecords")) {
            client.get().uri(java.net.URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + court).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://credit.example/problems/non-canonical-path")
                    .jsonPath("$.errors[0].field").isEqualTo("path");
        }
        assertThat(registry.received()).isEmpty();
        assertThat(lists.received()).isEmpty();
        assertThat(entries()).isEmpty();
    }

    @Test
    void aLiteralPercentInAnAuditedQueryIsDecodedOnceNotA500() {
        client.get().uri(java.net.URI.create("http://localhost:" + port + "/api/v1/records?subjectId=a%25b"))
                .header("Authorization", "Bearer " + court).header("X-Purpose", "ENFORCEMENT").exchange()
                .expectStatus().isOk();
        assertThat(entries()).singleElement().satisfies(e ->
                assertThat(e.getList("subjectRefs", String.class)).containsExactly("subject:a%b"));
        client.get().uri(java.net.URI.create("http://localhost:" + port + "/api/v1/records?subjectId=%C3%28"))
                .header("Authorization", "Bearer " + court).header("X-Purpose", "ENFORCEMENT").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://credit.example/problems/malformed-query");
        assertThat(entries()).hasSize(1);
    }

    @Test
    void aSingleCheckWithADecoyChecksFieldIsRecordedUnderItsRealPassenger() {
        sanctions.answerWith(body -> "{\"passengerRef\":\"P\",\"decision\":\"DENY\",\"decisionId\":\"d-1\"}");
        String airline = issuer.tokenFor("airline-demo", null, Map.of(), "travel.check");
        String decoy = "110101199003074477";
        String body = "{\"passengerRef\":\"PNR-1\",\"document\":{\"type\":\"RESIDENT_ID\",\"number\":\""
                + RESIDENT_ID + "\"},\"mode\":\"AIR\",\"checks\":[" + travelCheck(decoy) + "]}";
        client.post().uri("/api/v1/travel-checks").header("Authorization", "Bearer " + airline)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk();

        String real = subjectRefs.identifier("RESIDENT_ID", RESIDENT_ID, null, java.time.LocalDate.now());
        String decoyRef = subjectRefs.identifier("RESIDENT_ID", decoy, null, java.time.LocalDate.now());
        assertThat(entries()).singleElement().satisfies(e -> {
            assertThat(e.getString("route")).isEqualTo("POST /api/v1/travel-checks");
            assertThat(e.getList("subjectRefs", String.class)).containsExactly(real).doesNotContain(decoyRef);
        });
    }

    @Test
    void accessesNamingThePersonInTheBodyOrAnswerOrInAnotherSpellingReachTheirAccessLog() {
        // a lookup in another spelling, a registration naming the person in its body, and a list page
        // naming them only in its answer
        client.get().uri("/api/v1/subjects/lookup?scheme=resident_id&value=110105-19491231-002x")
                .header("Authorization", "Bearer " + court).header("X-Purpose", "ENFORCEMENT").exchange()
                .expectStatus().isOk();
        String registrar = issuer.tokenFor("registrar-demo", null, Map.of(), "registry.write");
        client.post().uri("/api/v1/subjects").header("Authorization", "Bearer " + registrar)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"kind\":\"PERSON\",\"identifiers\":[{\"scheme\":\"RESIDENT_ID\",\"value\":\"１１０１０５１９４９１２３１００２Ｘ\"}]}")
                .exchange().expectStatus().isOk();
        lists.answerWith(body -> "{\"items\":[{\"id\":\"r-1\",\"subjectId\":\"s-x\",\"identifier\":{\"scheme\":\"RESIDENT_ID\",\"value\":\""
                + RESIDENT_ID + "\"}}]}");
        client.get().uri("/api/v1/lists/SPC_DEBTORS/records").header("Authorization", "Bearer " + court)
                .header("X-Purpose", "SUPERVISION").exchange().expectStatus().isOk();
        assertThat(entries()).hasSize(3).allSatisfy(e -> assertThat(e.toJson()).doesNotContain("11010519491231002"));

        String citizen = issuer.tokenFor("credit-web", null, Map.of("resident_id", RESIDENT_ID), "openid");
        client.get().uri("/api/v1/me/access-log").header("Authorization", "Bearer " + citizen).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.entries.length()").isEqualTo(3)
                .jsonPath("$.entries[0].route").isEqualTo("GET /api/v1/lists/{listId}/records")
                .jsonPath("$.entries[1].route").isEqualTo("POST /api/v1/subjects")
                .jsonPath("$.entries[2].route").isEqualTo("GET /api/v1/subjects/lookup");
    }

    @Test
    void aTravelCheckThatIsNotJsonIs415AndReachesNoService() {
        String airline = issuer.tokenFor("airline-demo", null, Map.of(), "travel.check");
        for (MediaType type : List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_XML)) {
            client.post().uri("/api/v1/travel-checks").header("Authorization", "Bearer " + airline)
                    .contentType(type).bodyValue("<check/>").exchange()
                    .expectStatus().isEqualTo(415)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(sanctions.received()).isEmpty();
    }

    /** The counters as stored, after writing what was counted in memory (the timer would do it every 10 s). */
    private List<Document> storedCounts() {
        counts.flush().block();
        return mongo.findAll(Document.class, "travel_check_counts").collectList().block();
    }
}
