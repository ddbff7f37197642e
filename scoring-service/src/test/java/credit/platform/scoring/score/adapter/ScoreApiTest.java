package credit.platform.scoring.score.adapter;

import credit.platform.testsupport.GrpcTestCalls;

import credit.platform.testsupport.FakeGrpcServer;
import credit.platform.testsupport.FixedServiceTokenSource;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import credit.common.v1.SubjectKind;
import credit.lists.v1.ListKind;
import credit.lists.v1.ListRecord;
import credit.lists.v1.RecordStatus;
import credit.platform.common.grpc.ServiceTokenSource;
import credit.platform.testsupport.MongoTestServer;
import credit.platform.testsupport.TestHttp;
import credit.platform.testsupport.TestTokens;
import credit.scoring.v1.GetScoreRequest;
import credit.scoring.v1.ScoringServiceGrpc;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scoring slice end to end in one Spring Boot app: REST and gRPC with JWT security, MongoDB
 * (see {@link MongoTestServer}), and the registry and lists services replaced by fakes —
 * {@link FakeRegistryService} and {@link FakeListsService}, plain gRPC servers started here on free
 * ports. They stand in for the real services, which the system tests run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScoreApiTest {

    static final TestTokens TOKENS = new TestTokens();
    static final String SERVICE_TOKEN = TOKENS.token("credit-services", "registry.read lists.read platform.internal");
    static final FakeRegistryService REGISTRY = new FakeRegistryService();
    static final FakeListsService LISTS = new FakeListsService();
    static final FakeGrpcServer REGISTRY_SERVER = new FakeGrpcServer(REGISTRY);
    static final FakeGrpcServer LISTS_SERVER = new FakeGrpcServer(LISTS);
    static final int REGISTRY_PORT = REGISTRY_SERVER.port();
    static final int LISTS_PORT = LISTS_SERVER.port();
    static final int GRPC_PORT = TestHttp.freePort();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PERSON = "subj-person-1";
    static final String COMPANY = "subj-company-1";
    static ManagedChannel channel;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        MongoTestServer.register(registry, "scoring-test");
        registry.add("spring.grpc.server.port", () -> GRPC_PORT);
        registry.add("spring.grpc.server.address", () -> "127.0.0.1");
        registry.add("spring.grpc.client.channel.registry.target", () -> "static://127.0.0.1:" + REGISTRY_PORT);
        registry.add("spring.grpc.client.channel.lists.target", () -> "static://127.0.0.1:" + LISTS_PORT);
        registry.add("credit.remote-calls.calls.registry-get-subject.retry-wait", () -> "10ms");
        registry.add("credit.remote-calls.calls.registry-list-relationships.retry-wait", () -> "10ms");
        // The change-feed follower has its own test (ChangeFeedTest).
        registry.add("credit.scoring.follow-changes", () -> "false");
        registry.add("credit.remote-calls.calls.lists-subject-records.retry-wait", () -> "10ms");
    }

    @TestConfiguration
    static class TestBeans {
        @Bean
        JwtDecoder jwtDecoder() {
            return TOKENS.jwtDecoder();
        }

        /** This service's own token for its calls, without a Keycloak to fetch it from. */
        @Bean
        ServiceTokenSource serviceTokenSource() {
            return new FixedServiceTokenSource(SERVICE_TOKEN);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    CircuitBreakerRegistry breakers;

    TestHttp http;

    @BeforeEach
    void setUp() {
        http = new TestHttp("http://localhost:" + port);
        // Models stay (the catalogue is read at start-up); everything scores left behind goes.
        for (String c : List.of("score_history", "grade_changes", "current_grades", "counters", "recompute_jobs", "feed_checkpoints")) {
            mongo.getCollection(c).drop();
        }
        // Each test starts with closed breakers: the outage tests open them on purpose.
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        REGISTRY.unavailable = false;
        LISTS.unavailable = false;
        REGISTRY.subjects.clear();
        REGISTRY.permits.clear();
        REGISTRY.identifiers.clear();
        LISTS.records.clear();
        REGISTRY.subjects.put(PERSON, SubjectKind.SUBJECT_KIND_PERSON);
        REGISTRY.subjects.put(COMPANY, SubjectKind.SUBJECT_KIND_LEGAL_ENTITY);
        LISTS.records.put(PERSON, List.of(
                record("rec-spc-1", "spc-dishonest-debtors", ListKind.LIST_KIND_BLACK, "SPC"),
                record("rec-pen-1", "admin-penalties-general", ListKind.LIST_KIND_PENALTY, "SAMR")));
        LISTS.records.put(COMPANY, List.of(
                record("rec-tax-a", "sta-grade-a-taxpayers", ListKind.LIST_KIND_RED, "STA"),
                record("rec-abn-1", "samr-abnormal-operations", ListKind.LIST_KIND_IRREGULARITY, "SAMR")));
        if (channel == null) {
            channel = ManagedChannelBuilder.forAddress("127.0.0.1", GRPC_PORT).usePlaintext().build();
        }
    }

    @AfterAll
    static void closeChannel() {
        if (channel != null) {
            channel.shutdownNow();
        }
    }

    static ListRecord record(String id, String listId, ListKind kind, String authority) {
        return ListRecord.newBuilder().setRecordId(id).setListId(listId).setListKind(kind).setIssuingAuthority(authority)
                .setStatus(RecordStatus.RECORD_STATUS_ACTIVE)
                .setEffectiveFrom(Timestamp.newBuilder().setSeconds(Instant.now().minusSeconds(86_400).getEpochSecond()))
                .build();
    }

    /** The platform's service identity: scoring's RPCs are reserved to it (service_only). */
    static String grpcReader() {
        return TOKENS.token("credit-services", "scoring.read platform.internal");
    }

    static String reader() {
        return TOKENS.token("credit-web", "scoring.read");
    }

    @Test
    void personIsScoredBySuiningModelWithOneLinePerRecordAndTheScoreIsStored() {
        TestHttp.Response response = http.get("/api/v1/scores/" + PERSON, reader());

        assertThat(response.status()).isEqualTo(200);
        JsonNode score = JSON.readTree(response.body());
        assertThat(score.get("subjectId").asString()).isEqualTo(PERSON);
        assertThat(score.get("modelId").asString()).isEqualTo("suining-county-person");
        assertThat(score.get("modelVersion").asInt()).isEqualTo(2);
        assertThat(score.get("basePoints").asLong()).isEqualTo(1000);
        assertThat(score.get("points").asLong()).isEqualTo(940);
        assertThat(score.get("grade").asString()).isEqualTo("B");
        JsonNode lines = score.get("contributions");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("ruleId").asString()).isEqualTo("spc-dishonest-debtor");
        assertThat(lines.get(0).get("sourceRef").asString()).isEqualTo("list-record:rec-spc-1");
        assertThat(lines.get(0).get("points").asLong()).isEqualTo(-50);
        assertThat(lines.get(1).get("sourceRef").asString()).isEqualTo("list-record:rec-pen-1");
        assertThat(lines.get(1).get("points").asLong()).isEqualTo(-10);
        assertThat(score.get("computedAt").asString()).isNotBlank();

        var stored = mongo.getCollection("score_history").find().first();
        assertThat(mongo.getCollection("score_history").countDocuments()).isEqualTo(1);
        assertThat(stored.getString("subjectId")).isEqualTo(PERSON);
        assertThat(stored.getString("modelId")).isEqualTo("suining-county-person");
        assertThat(stored.getInteger("version")).isEqualTo(2);
        assertThat(stored.getString("cause")).isEqualTo("request");
        assertThat(((Number) stored.get("points")).longValue()).isEqualTo(940);
        assertThat(stored.getString("grade")).isEqualTo("B");
        assertThat(stored.getList("contributions", org.bson.Document.class)).hasSize(2);
        assertThat(stored.getDate("computedAt")).isNotNull();
    }

    @Test
    void callsToRegistryAndListsCarryThisServicesBearerToken() {
        REGISTRY_SERVER.clearAuthorizations();
        LISTS_SERVER.clearAuthorizations();

        assertThat(http.get("/api/v1/scores/" + PERSON, reader()).status()).isEqualTo(200);

        assertThat(REGISTRY_SERVER.authorizations()).containsOnly("Bearer " + SERVICE_TOKEN).isNotEmpty();
        assertThat(LISTS_SERVER.authorizations()).containsOnly("Bearer " + SERVICE_TOKEN).isNotEmpty();
    }

    @Test
    void legalEntityIsScoredByTheCorporateComplianceModel() {
        JsonNode score = JSON.readTree(http.get("/api/v1/scores/" + COMPANY, reader()).body());

        assertThat(score.get("modelId").asString()).isEqualTo("corporate-compliance");
        assertThat(score.get("points").asLong()).isEqualTo(1000 + 50 - 50);
        assertThat(score.get("grade").asString()).isEqualTo("A");
    }

    @Test
    void modelForAnotherKindIsUnprocessableAndUnknownModelIsABadRequestNamingModel() {
        TestHttp.Response wrongKind = http.get("/api/v1/scores/" + COMPANY + "?model=suining-county-person", reader());
        assertThat(wrongKind.status()).isEqualTo(422);
        assertThat(wrongKind.contentType()).startsWith("application/problem+json");

        TestHttp.Response unknown = http.get("/api/v1/scores/" + PERSON + "?model=no-such-model", reader());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(JSON.readTree(unknown.body()).get("errors").get(0).get("field").asString()).isEqualTo("model");
        assertThat(mongo.getCollection("score_history").countDocuments()).isZero();
    }

    @Test
    void unknownSubjectIsNotFoundAsProblemJsonAndNothingIsStored() {
        TestHttp.Response response = http.get("/api/v1/scores/nobody", reader());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("type").asString())
                .isEqualTo("https://credit.example/problems/subject-not-found");
        assertThat(mongo.getCollection("score_history").countDocuments()).isZero();
    }

    @Test
    void withoutTokenIsUnauthenticatedAndWithoutScoringReadIsForbidden() {
        TestHttp.Response anonymous = http.get("/api/v1/scores/" + PERSON, null);
        TestHttp.Response airline = http.get("/api/v1/scores/" + PERSON, TOKENS.token("airline-demo", "travel.check"));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(airline.status()).isEqualTo(403);
        assertThat(airline.contentType()).startsWith("application/problem+json");
        assertThat(mongo.getCollection("score_history").countDocuments()).isZero();
    }

    @Test
    void listsServiceDownIsServiceUnavailableAndNothingIsStored() {
        LISTS.unavailable = true;

        TestHttp.Response response = http.get("/api/v1/scores/" + PERSON, reader());

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("detail").asString()).contains("lists");
        assertThat(mongo.getCollection("score_history").countDocuments()).isZero();
    }

    @Test
    void registryDownIsServiceUnavailableOverRestAndGrpc() {
        REGISTRY.unavailable = true;

        assertThat(http.get("/api/v1/scores/" + PERSON, reader()).status()).isEqualTo(503);
        assertThat(grpcError(() -> stub(grpcReader()).getScore(GetScoreRequest.newBuilder().setSubjectId(PERSON).build()))
                .getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(mongo.getCollection("score_history").countDocuments()).isZero();
    }

    @Test
    void grpcGetScoreAnswersTheSameScore() {
        var score = stub(grpcReader()).getScore(GetScoreRequest.newBuilder().setSubjectId(PERSON).build()).getScore();

        assertThat(score.getModelId()).isEqualTo("suining-county-person");
        assertThat(score.getPoints()).isEqualTo(940);
        assertThat(score.getGrade()).isEqualTo("B");
        assertThat(score.getContributionsList()).extracting(c -> c.getSourceRef())
                .containsExactly("list-record:rec-spc-1", "list-record:rec-pen-1");
        assertThat(score.getBasePoints() + score.getContributionsList().stream().mapToLong(c -> c.getPoints()).sum())
                .isEqualTo(score.getPoints());
        assertThat(mongo.getCollection("score_history").countDocuments()).isEqualTo(1);
    }

    @Test
    void grpcUnknownSubjectIsNotFoundWithoutTokenUnauthenticatedWrongScopePermissionDenied() {
        var request = GetScoreRequest.newBuilder().setSubjectId("nobody").build();
        assertThat(grpcError(() -> stub(grpcReader()).getScore(request)).getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(grpcError(() -> ScoringServiceGrpc.newBlockingStub(channel).getScore(request)).getCode())
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(grpcError(() -> stub(TOKENS.token("airline-demo", "travel.check")).getScore(request)).getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        // scoring.read alone (an agency's or a person's token) does not open the service's own port
        assertThat(grpcError(() -> stub(reader()).getScore(request)).getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(grpcError(() -> stub(TOKENS.token("platform-admin", "platform.admin scoring.read")).getScore(request))
                .getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    static String admin() {
        return TOKENS.token("platform-admin", "platform.admin");
    }

    static String personModelJson(int version, long debtorPoints) {
        return """
                {"id":"api-test-person","version":%d,"subjectKind":"PERSON","defaultForKind":false,
                 "effectiveFrom":"2020-01-01T00:00:00Z","basePoints":1000,
                 "rules":[{"id":"spc-dishonest-debtor","list":"spc-dishonest-debtors","pointsPerRecord":%d}],
                 "bands":[{"grade":"A","minPoints":970},{"grade":"B","minPoints":850},{"grade":"C"}]}
                """.formatted(version, debtorPoints);
    }

    @Test
    void platformAdminPublishesANewModelVersionAndOldScoresKeepTheirVersion() {
        long modelsBefore = mongo.getCollection("scoring_models").countDocuments();
        assertThat(http.post("/api/v1/scores/models", admin(), personModelJson(1, -50)).status()).isEqualTo(201);
        String path = "/api/v1/scores/" + PERSON + "?model=api-test-person";
        assertThat(JSON.readTree(http.get(path, reader()).body()).get("points").asLong()).isEqualTo(950);

        TestHttp.Response published = http.post("/api/v1/scores/models", admin(), personModelJson(2, -100));

        assertThat(published.status()).isEqualTo(201);
        assertThat(mongo.getCollection("scoring_models").countDocuments()).isEqualTo(modelsBefore + 2);
        JsonNode now = JSON.readTree(http.get(path, reader()).body());
        assertThat(now.get("modelVersion").asInt()).isEqualTo(2);
        assertThat(now.get("points").asLong()).isEqualTo(900);
        JsonNode history = JSON.readTree(http.get("/api/v1/scores/" + PERSON + "/history?model=api-test-person",
                reader()).body());
        assertThat(history.get("entries")).extracting(e -> e.get("modelVersion").asInt()).containsExactly(2, 1);
        assertThat(history.get("entries").get(1).get("points").asLong()).isEqualTo(950);
        // The same version again is a conflict and changes nothing.
        TestHttp.Response again = http.post("/api/v1/scores/models", admin(), personModelJson(2, -1));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(mongo.getCollection("scoring_models").countDocuments()).isEqualTo(modelsBefore + 2);
    }

    @Test
    void onlyPlatformAdminMayPublishAndAnInvalidModelIsRejectedNamingTheFieldAndNothingIsStored() {
        long modelsBefore = mongo.getCollection("scoring_models").countDocuments();
        assertThat(http.post("/api/v1/scores/models", reader(), personModelJson(9, -1)).status()).isEqualTo(403);

        TestHttp.Response invalid = http.post("/api/v1/scores/models", admin(),
                personModelJson(9, -1).replace("\"pointsPerRecord\":-1", "\"pointsPerRecord\":\"lots\""));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(JSON.readTree(invalid.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("rules[0].pointsPerRecord");
        assertThat(mongo.getCollection("scoring_models").countDocuments()).isEqualTo(modelsBefore);
        assertThat(JSON.readTree(http.get("/api/v1/scores/" + PERSON, reader()).body()).get("modelVersion").asInt())
                .isNotEqualTo(9);
    }

    @Test
    void rongchengModelIsAskedForByNameAndGradesOnItsOwnBands() {
        JsonNode score = JSON.readTree(http.get("/api/v1/scores/" + PERSON + "?model=rongcheng-city-person",
                reader()).body());

        assertThat(score.get("modelId").asString()).isEqualTo("rongcheng-city-person");
        assertThat(score.get("points").asLong()).isEqualTo(1000 - 50 - 10);
        assertThat(score.get("grade").asString()).isEqualTo("B");
    }

    @Test
    void asOfBeforeAnyStoredScoreIsNotFoundAndABadAsOfNamesTheParameter() {
        TestHttp.Response none = http.get("/api/v1/scores/" + PERSON + "?asOf=2001-01-01", reader());
        assertThat(none.status()).isEqualTo(404);
        assertThat(JSON.readTree(none.body()).get("type").asString()).endsWith("/no-score-on-record");

        TestHttp.Response bad = http.get("/api/v1/scores/" + PERSON + "?asOf=yesterday", reader());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("errors").get(0).get("field").asString()).isEqualTo("asOf");
        assertThat(mongo.getCollection("score_history").countDocuments()).isZero();
    }

    @Test
    void batchRecomputeRunsToTheEndWithProgressAndAgainDoesNothing() throws InterruptedException {
        TestHttp.Response started = http.post("/api/v1/scores/models/corporate-compliance/recompute", admin(), "");
        assertThat(started.status()).isEqualTo(202);
        assertThat(http.post("/api/v1/scores/models/corporate-compliance/recompute", reader(), "").status())
                .isEqualTo(403);

        JsonNode progress = null;
        for (int i = 0; i < 100; i++) {
            progress = JSON.readTree(http.get("/api/v1/scores/models/corporate-compliance/recompute", admin()).body());
            if (progress.get("state").asString().equals("DONE")) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(progress.get("state").asString()).isEqualTo("DONE");
        // The fake lists' snapshot is empty; the universe is the subjects scored by the model before: none.
        assertThat(progress.get("jobId").asString()).isEqualTo("corporate-compliance@3");
        JsonNode again = JSON.readTree(http.post("/api/v1/scores/models/corporate-compliance/recompute", admin(), "")
                .body());
        assertThat(again.get("state").asString()).isEqualTo("DONE");
    }

    @Test
    void grpcBatchGetScoresAnswersEachSubjectAndNamesTheOnesItCouldNotScore() {
        var response = stub(grpcReader()).batchGetScores(credit.scoring.v1.BatchGetScoresRequest.newBuilder()
                .addSubjectIds(PERSON).addSubjectIds("nobody").build());

        assertThat(response.getScoresList()).extracting(s -> s.getSubjectId()).containsExactly(PERSON);
        assertThat(response.getFailuresList()).singleElement().satisfies(f -> {
            assertThat(f.getSubjectId()).isEqualTo("nobody");
            assertThat(f.getReason()).isEqualTo("subject-not-found");
        });
    }

    static ScoringServiceGrpc.ScoringServiceBlockingStub stub(String token) {
        return ScoringServiceGrpc.newBlockingStub(channel).withCallCredentials(GrpcTestCalls.bearer(token));
    }

    static Status grpcError(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            return e.getStatus();
        }
        throw new AssertionError("expected the call to fail");
    }

    // ---- permits ----------------------------------------------------------------------------------------

    @Test
    void companyWithAnExpiredPermitIsMarkedDownNamingThePermitReadFromTheRegistry() {
        Instant now = Instant.now();
        REGISTRY.grant(COMPANY, credit.registry.v1.Permit.newBuilder().setPermitId("permit-7").setSubjectId(COMPANY)
                .setType("排污许可证").setNumber("PW7").setIssuingAuthority("生态环境局")
                .setValidFrom(Timestamp.newBuilder().setSeconds(now.minusSeconds(86_400L * 900).getEpochSecond()))
                .setValidUntil(Timestamp.newBuilder().setSeconds(now.minusSeconds(86_400L * 10).getEpochSecond()))
                .setStatus(credit.registry.v1.PermitStatus.PERMIT_STATUS_VALID).setExpired(true).build());

        JsonNode score = JSON.readTree(http.get("/api/v1/scores/" + COMPANY, reader()).body());

        assertThat(score.get("modelVersion").asInt()).isEqualTo(3);
        assertThat(score.get("points").asLong()).isEqualTo(1000 + 50 - 50 - 30);
        assertThat(score.get("contributions").valueStream().filter(c -> c.get("sourceRef").asString()
                .equals("permit:permit-7")).toList()).singleElement().satisfies(c -> {
                    assertThat(c.get("ruleId").asString()).isEqualTo("expired-permit-pollutant-discharge");
                    assertThat(c.get("points").asLong()).isEqualTo(-30);
                });
    }

    // ---- self-service: who asks is in the token, the route says whether a person or their company ---------

    static String representative(String residentId, String uscc) {
        return TOKENS.token("credit-portal", "openid", java.util.Map.of("resident_id", residentId, "uscc", uscc),
                TestTokens.ISSUER, TestTokens.AUDIENCE, Instant.now().plusSeconds(300));
    }

    @Test
    void aRepresentativeReadsTheirOwnScoreOnAPersonsRouteAndTheirCompanysOnACompanyRoute() {
        REGISTRY.identifiers.put("11010519491231002X", PERSON);
        REGISTRY.identifiers.put(COMPANY_USCC, COMPANY);
        // the claims as the realm may hold them (lower case, spaces): read as SubjectClaims normalises them
        String token = representative(" 11010519491231002x", COMPANY_USCC.toLowerCase(java.util.Locale.ROOT));

        TestHttp.Response own = http.get("/api/v1/me/score/history", token);
        TestHttp.Response company = http.get("/api/v1/me/company/score/history", token);

        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(JSON.readTree(own.body()).get("subjectId").asString()).isEqualTo(PERSON);
        assertThat(company.status()).as(company.body()).isEqualTo(200);
        assertThat(JSON.readTree(company.body()).get("subjectId").asString()).isEqualTo(COMPANY);
    }

    @Test
    void nobodyOnRecordHasNoScoreAndATokenWithoutTheRoutesClaimIsRefused() {
        String stranger = representative("440305197508204568", COMPANY_USCC);
        TestHttp.Response notOnRecord = http.get("/api/v1/me/score", stranger);
        assertThat(notOnRecord.status()).as(notOnRecord.body()).isEqualTo(404);
        assertThat(JSON.readTree(notOnRecord.body()).get("type").asString()).endsWith("/not-on-record");

        String personOnly = TOKENS.token("credit-portal", "openid", java.util.Map.of("resident_id", "11010519491231002X"),
                TestTokens.ISSUER, TestTokens.AUDIENCE, Instant.now().plusSeconds(300));
        assertThat(http.get("/api/v1/me/company/score", personOnly).status()).isEqualTo(403);
    }

    // ---- public grade of legal entities ------------------------------------------------------------------

    static final String COMPANY_USCC = "91350100M000100Y43";
    static final String PERSON_USCC = "91350100M000200Y4X".replace('X', '3');

    /** The public needs no token. */
    static String publicReader() {
        return null;
    }

    @Test
    void companysPublicGradeShowsOnlyTheGradeTheModelAndTheInstant() {
        REGISTRY.identifiers.put(COMPANY_USCC, COMPANY);

        TestHttp.Response response = http.get("/api/v1/scores/public/companies/" + COMPANY_USCC + "/grade",
                publicReader());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("uscc", "grade", "modelId", "modelVersion", "asOf");
        assertThat(body.get("grade").asString()).isEqualTo("A");
        assertThat(body.get("modelId").asString()).isEqualTo("corporate-compliance");
        assertThat(response.body()).doesNotContain("rec-").doesNotContain(COMPANY).doesNotContain("points");
    }

    @Test
    void aPersonsScoreIsNeverPublicTheirCodeIsTheSame404AsAnUnknownCode() {
        // A person the registry resolves by a code (however it came to hold one) — never answered.
        REGISTRY.identifiers.put(PERSON_USCC, PERSON);

        TestHttp.Response person = http.get("/api/v1/scores/public/companies/" + PERSON_USCC + "/grade",
                publicReader());
        TestHttp.Response unknown = http.get("/api/v1/scores/public/companies/" + COMPANY_USCC + "/grade",
                publicReader());

        assertThat(person.status()).isEqualTo(404);
        assertThat(person.contentType()).startsWith("application/problem+json");
        JsonNode p = JSON.readTree(person.body());
        JsonNode u = JSON.readTree(unknown.body());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(p.get("type").asString()).isEqualTo(u.get("type").asString())
                .isEqualTo("https://credit.example/problems/company-not-found");
        assertThat(p.get("detail").asString()).isEqualTo(u.get("detail").asString());
        assertThat(person.body()).doesNotContain("\"grade\"").doesNotContain("modelVersion").doesNotContain(PERSON).doesNotContain("rec-spc-1");
        // Not even computed: nothing about the person is stored.
        assertThat(mongo.getCollection("score_history").countDocuments()).isZero();
    }

    @Test
    void publicGradeIsOpenWithOrWithoutATokenAndNeedsAWellFormedCode() {
        REGISTRY.identifiers.put(COMPANY_USCC, COMPANY);
        String path = "/api/v1/scores/public/companies/" + COMPANY_USCC + "/grade";

        assertThat(http.get(path, null).status()).isEqualTo(200);
        assertThat(http.get(path, reader()).status()).isEqualTo(200);
        // the open route opens only itself: the company's full score still needs scoring.read
        assertThat(http.get("/api/v1/scores/" + COMPANY, null).status()).isEqualTo(401);
        mongo.getCollection("score_history").deleteMany(new org.bson.Document());
        TestHttp.Response malformed = http.get("/api/v1/scores/public/companies/NOT-A-CODE/grade", publicReader());
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).contains("uscc").contains("format");
        assertThat(mongo.getCollection("score_history").countDocuments()).isZero();
    }

    /** Generated (springdoc), typed, every operation scoped and with an example: what the gateway gathers. */
    @org.junit.jupiter.api.Test
    void theGeneratedApiDescriptionIsTypedScopedAndHasExamples() {
        TestHttp.Response docs = http.get("/v3/api-docs", null);
        org.assertj.core.api.Assertions.assertThat(docs.status()).as("open, like health").isEqualTo(200);
        credit.platform.testsupport.ApiDescriptionRules.assertTypedScopedAndExemplified("scoring-service", docs.body());
    }
}
