package credit.platform.registry.subject.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import credit.common.v1.Identifier;
import credit.common.v1.IdentifierScheme;
import credit.common.v1.SubjectKind;
import credit.platform.testsupport.GrpcTestCalls;
import credit.platform.testsupport.MongoTestServer;
import credit.platform.testsupport.TestHttp;
import credit.platform.testsupport.TestTokens;
import credit.registry.v1.RegisterSubjectRequest;
import credit.registry.v1.RegistryServiceGrpc;
import credit.registry.v1.ResolveIdentifierRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry's first slice end to end in one Spring Boot app: REST and gRPC, JWT security on
 * both (real signature/issuer/audience validation with a test key), MongoDB (Testcontainers or the
 * embedded server, see {@link MongoTestServer}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SubjectApiTest {

    static final TestTokens TOKENS = new TestTokens();
    static final int GRPC_PORT = TestHttp.freePort();
    static final String PERSON_ID = "11010519491231002X";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static ManagedChannel channel;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        MongoTestServer.register(registry, "registry-test");
        registry.add("spring.grpc.server.port", () -> GRPC_PORT);
        registry.add("spring.grpc.server.address", () -> "127.0.0.1");
    }

    @TestConfiguration
    static class Keys {
        @Bean
        JwtDecoder jwtDecoder() {
            return TOKENS.jwtDecoder();
        }
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    MongoTemplate mongo;

    TestHttp http;

    @BeforeEach
    void setUp() {
        http = new TestHttp("http://localhost:" + port);
        mongo.getDb().drop();
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

    static String registrar() {
        return TOKENS.token("registrar-demo", "registry.read registry.write");
    }

    /** The platform's service identity: the registry's RPCs are reserved to it (service_only). */
    static String service() {
        return TOKENS.token("credit-services", "registry.read registry.write platform.internal");
    }

    static String personJson(String residentId) {
        return """
                {"kind":"PERSON","identifiers":[{"scheme":"RESIDENT_ID","value":"%s"}],"name":"张三","latinName":"ZHANG San"}
                """.formatted(residentId);
    }

    @Test
    void registeredPersonCanBeReadBackByIdAndByIdentifier() {
        TestHttp.Response created = http.post("/api/v1/subjects", registrar(), personJson("110105-19491231002x"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode subject = JSON.readTree(created.body());
        String id = subject.get("id").asString();
        assertThat(subject.get("identifiers").get(0).get("value").asString()).isEqualTo(PERSON_ID);

        TestHttp.Response byId = http.get("/api/v1/subjects/" + id, registrar());
        assertThat(byId.status()).isEqualTo(200);
        assertThat(JSON.readTree(byId.body()).get("name").asString()).isEqualTo("张三");

        TestHttp.Response lookup = http.get("/api/v1/subjects/lookup?scheme=RESIDENT_ID&value=" + PERSON_ID, registrar());
        assertThat(JSON.readTree(lookup.body()).get("id").asString()).isEqualTo(id);
    }

    @Test
    void wrongCheckCharacterIsRejectedNamingFieldAndRuleAndNothingIsWritten() {
        TestHttp.Response rejected = http.post("/api/v1/subjects", registrar(), personJson("110105194912310021"));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        JsonNode error = JSON.readTree(rejected.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("identifiers[0].value");
        assertThat(error.get("rule").asString()).isEqualTo("check-character");
        assertThat(error.get("message").asString()).isEqualTo("check character is 1, expected X");
        assertThat(mongo.getCollection("subjects").countDocuments()).isZero();
        assertThat(mongo.getCollection("identifier_claims").countDocuments()).isZero();
    }

    @Test
    void takenIdentifierIsAConflictNamingTheExistingSubject() {
        String first = JSON.readTree(http.post("/api/v1/subjects", registrar(), personJson(PERSON_ID)).body())
                .get("id").asString();

        TestHttp.Response conflict = http.post("/api/v1/subjects", registrar(), personJson(PERSON_ID));

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(JSON.readTree(conflict.body()).get("existingSubjectId").asString()).isEqualTo(first);
        assertThat(mongo.getCollection("subjects").countDocuments()).isEqualTo(1);
    }

    @Test
    void requestWithoutTokenIsUnauthenticatedAsProblemJson() {
        TestHttp.Response response = http.post("/api/v1/subjects", null, personJson(PERSON_ID));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(mongo.getCollection("subjects").countDocuments()).isZero();
    }

    @Test
    void tokensThatAreExpiredForAnotherAudienceOrFromAnotherIssuerAreUnauthenticated() {
        String expired = TOKENS.token("registrar-demo", "registry.write", Map.of(), TestTokens.ISSUER,
                TestTokens.AUDIENCE, Instant.now().minusSeconds(120));
        String otherAudience = TOKENS.token("registrar-demo", "registry.write", Map.of(), TestTokens.ISSUER,
                "some-other-api", Instant.now().plusSeconds(300));
        String otherIssuer = TOKENS.token("registrar-demo", "registry.write", Map.of(), "http://evil/realms/credit",
                TestTokens.AUDIENCE, Instant.now().plusSeconds(300));
        for (String token : new String[] {expired, otherAudience, otherIssuer}) {
            assertThat(http.post("/api/v1/subjects", token, personJson(PERSON_ID)).status()).isEqualTo(401);
        }
        assertThat(new TestTokens().token("registrar-demo", "registry.write")).satisfies(foreignKey ->
                assertThat(http.post("/api/v1/subjects", foreignKey, personJson(PERSON_ID)).status()).isEqualTo(401));
    }

    @Test
    void tokenWithoutTheWriteScopeIsForbiddenAndWritesNothing() {
        String airline = TOKENS.token("airline-demo", "travel.check");
        TestHttp.Response response = http.post("/api/v1/subjects", airline, personJson(PERSON_ID));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(mongo.getCollection("subjects").countDocuments()).isZero();
    }

    @Test
    void unlistedRouteIsDeniedEvenWithAToken() {
        assertThat(http.get("/api/v1/not-a-route", registrar()).status()).isEqualTo(403);
    }

    @Test
    void grpcRegisterIsIdempotentAndResolveFindsTheSameSubject() {
        var stub = RegistryServiceGrpc.newBlockingStub(channel).withCallCredentials(GrpcTestCalls.bearer(service()));
        var request = RegisterSubjectRequest.newBuilder()
                .setKind(SubjectKind.SUBJECT_KIND_PERSON)
                .setIdentifier(residentId(PERSON_ID))
                .setName("张三")
                .build();

        var first = stub.registerSubject(request);
        var second = stub.registerSubject(request);
        var resolved = stub.resolveIdentifier(ResolveIdentifierRequest.newBuilder()
                .setIdentifier(residentId(PERSON_ID.toLowerCase())).build());

        assertThat(first.getCreated()).isTrue();
        assertThat(second.getCreated()).isFalse();
        assertThat(second.getSubject().getSubjectId()).isEqualTo(first.getSubject().getSubjectId());
        assertThat(resolved.getSubject().getSubjectId()).isEqualTo(first.getSubject().getSubjectId());
    }

    @Test
    void aPersonsBirthDateComesFromTheResidentIdOrIsGivenWithAPassportAndMustAgree() {
        JsonNode byId = JSON.readTree(http.post("/api/v1/subjects", registrar(), personJson(PERSON_ID)).body());
        assertThat(byId.get("birthDate").asString()).isEqualTo("1949-12-31");

        String passportHolder = """
                {"kind":"PERSON","identifiers":[{"scheme":"PASSPORT","value":"E99887766","issuingCountry":"CHN"}],
                 "name":"李四","birthDate":"2010-05-01"}""";
        JsonNode byPassport = JSON.readTree(http.post("/api/v1/subjects", registrar(), passportHolder).body());
        assertThat(byPassport.get("birthDate").asString()).isEqualTo("2010-05-01");

        String contradicting = """
                {"kind":"PERSON","identifiers":[{"scheme":"RESIDENT_ID","value":"110105194912310038"}],
                 "name":"王五","birthDate":"1950-01-01"}""";
        TestHttp.Response refused = http.post("/api/v1/subjects", registrar(), contradicting);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"birthDate\"", "matches-identifier");
        assertThat(mongo.getCollection("subjects").countDocuments()).isEqualTo(2);
    }

    @Test
    void anIdentifierCanBeUnboundAndThenResolvesToNobodyButTheLastOneStays() {
        JsonNode person = JSON.readTree(http.post("/api/v1/subjects", registrar(), personJson(PERSON_ID)).body());
        String id = person.get("id").asString();
        JsonNode bound = JSON.readTree(http.post("/api/v1/subjects/" + id + "/identifiers", registrar(), """
                {"scheme":"PASSPORT","value":"E12345678","issuingCountry":"CHN","expectedVersion":1}""").body());
        assertThat(bound.get("identifiers")).hasSize(2);

        TestHttp.Response removed = http.post("/api/v1/subjects/" + id + "/identifiers/removal", registrar(), """
                {"scheme":"PASSPORT","value":"e1234 5678","issuingCountry":"chn","expectedVersion":2}""");
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(JSON.readTree(removed.body()).get("identifiers")).hasSize(1);
        assertThat(http.get("/api/v1/subjects/lookup?scheme=PASSPORT&value=E12345678&issuingCountry=CHN", registrar())
                .status()).isEqualTo(404);
        assertThat(JSON.readTree(http.get("/api/v1/subjects/" + id + "/history", registrar()).body()).findValuesAsString("change"))
                .contains("IDENTIFIER_REMOVED");

        TestHttp.Response last = http.post("/api/v1/subjects/" + id + "/identifiers/removal", registrar(), """
                {"scheme":"RESIDENT_ID","value":"%s","expectedVersion":3}""".formatted(PERSON_ID));
        assertThat(last.status()).isEqualTo(400);
        assertThat(last.body()).contains("last-identifier");
        // Another person may now hold the passport.
        String other = """
                {"kind":"PERSON","identifiers":[{"scheme":"PASSPORT","value":"E12345678","issuingCountry":"CHN"}],"name":"赵六"}""";
        assertThat(http.post("/api/v1/subjects", registrar(), other).status()).isEqualTo(201);
    }

    @Test
    void grpcInvalidIdentifierIsInvalidArgumentAndWritesNothing() {
        var stub = RegistryServiceGrpc.newBlockingStub(channel).withCallCredentials(GrpcTestCalls.bearer(service()));
        var request = RegisterSubjectRequest.newBuilder()
                .setKind(SubjectKind.SUBJECT_KIND_PERSON)
                .setIdentifier(residentId("110105194912310021"))
                .setName("张三")
                .build();

        assertThat(GrpcTestCalls.failureOf(() -> stub.registerSubject(request)).getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(credit.platform.common.grpc.GrpcStatuses.violations(
                GrpcTestCalls.failureOf(() -> stub.registerSubject(request))).getFirst().rule()).isEqualTo("check-character");
        assertThat(mongo.getCollection("subjects").countDocuments()).isZero();
    }

    @Test
    void grpcWithoutTokenIsUnauthenticatedAndWithWrongScopeIsPermissionDenied() {
        var request = ResolveIdentifierRequest.newBuilder().setIdentifier(residentId(PERSON_ID)).build();
        var anonymous = RegistryServiceGrpc.newBlockingStub(channel);
        var airline = RegistryServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(GrpcTestCalls.bearer(TOKENS.token("airline-demo", "travel.check")));

        assertThat(GrpcTestCalls.failureOf(() -> anonymous.resolveIdentifier(request)).getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(GrpcTestCalls.failureOf(() -> airline.resolveIdentifier(request)).getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void grpcHealthIsOpenWithoutATokenAndTurnsServing() throws InterruptedException {
        // The gRPC health status follows Actuator's health, refreshed on a schedule after start-up.
        HealthCheckResponse.ServingStatus status = HealthCheckResponse.ServingStatus.UNKNOWN;
        for (int i = 0; i < 100 && status != HealthCheckResponse.ServingStatus.SERVING; i++) {
            status = HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance()).getStatus();
            Thread.sleep(100);
        }
        assertThat(status).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    }

    @Test
    void grpcReflectionListsTheRegistryServiceWithoutAToken() throws Exception {
        var services = new java.util.concurrent.CompletableFuture<java.util.List<String>>();
        var requests = io.grpc.reflection.v1.ServerReflectionGrpc.newStub(channel).serverReflectionInfo(
                new io.grpc.stub.StreamObserver<io.grpc.reflection.v1.ServerReflectionResponse>() {
                    @Override
                    public void onNext(io.grpc.reflection.v1.ServerReflectionResponse response) {
                        services.complete(response.getListServicesResponse().getServiceList().stream()
                                .map(io.grpc.reflection.v1.ServiceResponse::getName).toList());
                    }

                    @Override
                    public void onError(Throwable t) {
                        services.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        requests.onNext(io.grpc.reflection.v1.ServerReflectionRequest.newBuilder().setListServices("*").build());
        assertThat(services.get(10, java.util.concurrent.TimeUnit.SECONDS))
                .contains("credit.registry.v1.RegistryService", "grpc.health.v1.Health");
        requests.onCompleted();
    }

    @Test
    void readinessProbeIsOpenAndOverallHealthIncludingMongoIsUp() {
        assertThat(http.get("/readyz", null).status()).isEqualTo(200);
        TestHttp.Response health = new TestHttp("http://localhost:" + managementPort).get("/actuator/health", null);
        assertThat(health.status()).as(health.body()).isEqualTo(200);
    }

    static Identifier residentId(String value) {
        return Identifier.newBuilder().setScheme(IdentifierScheme.IDENTIFIER_SCHEME_RESIDENT_ID).setValue(value).build();
    }

    /** Generated (springdoc), typed, every operation scoped and with an example: what the gateway gathers. */
    @org.junit.jupiter.api.Test
    void theGeneratedApiDescriptionIsTypedScopedAndHasExamples() {
        TestHttp.Response docs = http.get("/v3/api-docs", null);
        org.assertj.core.api.Assertions.assertThat(docs.status()).as("open, like health").isEqualTo(200);
        credit.platform.testsupport.ApiDescriptionRules.assertTypedScopedAndExemplified("registry-service", docs.body());
    }
}
