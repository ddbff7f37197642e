package credit.platform.sanctions.travel.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import credit.common.v1.Identifier;
import credit.common.v1.IdentifierScheme;
import credit.lists.v1.ListKind;
import credit.lists.v1.ListRecord;
import credit.lists.v1.RecordStatus;
import credit.platform.common.grpc.GrpcStatuses;
import credit.platform.common.grpc.ServiceTokenSource;
import credit.platform.common.security.PlatformSecurityProperties;
import credit.platform.testsupport.MongoTestServer;
import credit.platform.testsupport.TestHttp;
import credit.platform.testsupport.TestTokens;
import credit.sanctions.v1.BatchCheckTravelRequest;
import credit.sanctions.v1.CheckTravelRequest;
import credit.sanctions.v1.CheckTravelResponse;
import credit.sanctions.v1.Decision;
import credit.sanctions.v1.ServiceClass;
import credit.sanctions.v1.TravelCheckServiceGrpc;
import credit.sanctions.v1.TravelMode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
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
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Travel checks end to end in one Spring Boot app: REST and gRPC (unary, batch, bidirectional
 * stream) with JWT security, the decision log in MongoDB (see {@link MongoTestServer}), and the
 * registry and lists services replaced by fakes — {@link FakeRegistryService} and
 * {@link FakeListsService}, plain gRPC servers started here on free ports. They stand in for the
 * real services, which the system tests run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TravelCheckApiTest {

    static final TestTokens TOKENS = new TestTokens();
    static final String SERVICE_TOKEN = TOKENS.token("credit-services", "registry.read lists.read");
    static final FakeRegistryService REGISTRY = new FakeRegistryService();
    static final FakeListsService LISTS = new FakeListsService();
    static final FakeServers REGISTRY_SERVER = new FakeServers(REGISTRY);
    static final FakeServers LISTS_SERVER = new FakeServers(LISTS);
    static final int GRPC_PORT = TestHttp.freePort();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String DEBTOR_ID = "11010519491231002X";
    static final String DEBTOR_NAME = "张三";
    static final String CLEAN_ID = "110105194912310037";
    static final String BAD_ID = "110105194912310021";
    static final String DECISIONS = "travel_decisions";
    static ManagedChannel channel;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        MongoTestServer.register(registry, "sanctions-test");
        registry.add("spring.grpc.server.port", () -> GRPC_PORT);
        registry.add("spring.grpc.server.address", () -> "127.0.0.1");
        registry.add("spring.grpc.client.channel.registry.target", () -> "static://127.0.0.1:" + REGISTRY_SERVER.port());
        registry.add("spring.grpc.client.channel.lists.target", () -> "static://127.0.0.1:" + LISTS_SERVER.port());
        registry.add("credit.remote-calls.calls.registry-resolve.retry-wait", () -> "10ms");
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
            return new ServiceTokenSource(new PlatformSecurityProperties("", "", "", "", ""), RestClient.builder(),
                    Clock.systemUTC()) {
                @Override
                public String token() {
                    return SERVICE_TOKEN;
                }
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    MeterRegistry meters;

    TestHttp http;

    @BeforeEach
    void setUp() {
        http = new TestHttp("http://localhost:" + port);
        mongo.getDb().drop();
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        REGISTRY.unavailable = false;
        LISTS.unavailable = false;
        REGISTRY.subjectIdsByDocument.clear();
        REGISTRY.subjectIdsByDocument.put(DEBTOR_ID, "subj-debtor");
        REGISTRY.subjectIdsByDocument.put(CLEAN_ID, "subj-clean");
        REGISTRY.invalid.put(BAD_ID, "check character is 1, expected X");
        LISTS.records.clear();
        LISTS.records.put("subj-debtor", List.of(ListRecord.newBuilder()
                .setRecordId("rec-spc-1").setListId("spc-dishonest-debtors").setListKind(ListKind.LIST_KIND_BLACK)
                .setIssuingAuthority("Beijing No. 2 Intermediate People's Court")
                .setStatus(RecordStatus.RECORD_STATUS_ACTIVE)
                .setEffectiveFrom(Timestamp.newBuilder().setSeconds(Instant.now().minusSeconds(86_400).getEpochSecond()))
                .build()));
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

    static String airline() {
        return TOKENS.token("airline-demo", "travel.check");
    }

    static String checkJson(String documentValue, String mode, String serviceClass, String train) {
        return """
                {"passengerRef":"PNR-7-1","document":{"scheme":"RESIDENT_ID","value":"%s"},"name":"%s",
                 "mode":"%s","serviceClass":"%s","trainNumber":%s}
                """.formatted(documentValue, DEBTOR_NAME, mode, serviceClass, train == null ? "null" : "\"" + train + "\"");
    }

    @Test
    void listedDebtorIsDeniedAGTrainSeatAndExactlyOneDecisionIsLoggedWithoutNameOrIdNumber() {
        TestHttp.Response response = http.post("/api/v1/travel-checks", airline(),
                checkJson(DEBTOR_ID, "RAIL", "RAIL_SECOND", "G101"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("passengerRef").asString()).isEqualTo("PNR-7-1");
        assertThat(body.get("decision").asString()).isEqualTo("DENY");
        assertThat(body.get("reasonCode").asString()).isEqualTo("SPC_DISHONEST_DEBTOR");
        assertThat(body.get("issuingAuthority").asString()).isEqualTo("Beijing No. 2 Intermediate People's Court");
        assertThat(body.get("appealChannel").asString()).contains("CreditChina");
        String reference = body.get("decisionReference").asString();
        assertThat(reference).startsWith("TD-");

        assertThat(mongo.getCollection(DECISIONS).countDocuments()).isEqualTo(1);
        Document logged = mongo.getCollection(DECISIONS).find().first();
        assertThat(logged.getString("_id")).isEqualTo(reference);
        assertThat(logged.getString("subjectId")).isEqualTo("subj-debtor");
        assertThat(logged.getString("listId")).isEqualTo("spc-dishonest-debtors");
        assertThat(logged.getString("recordId")).isEqualTo("rec-spc-1");
        assertThat(logged.getString("mode")).isEqualTo("RAIL");
        assertThat(logged.getString("serviceClass")).isEqualTo("RAIL_SECOND");
        assertThat(logged.getDate("decidedAt")).isNotNull();
        assertThat(logged.toJson()).doesNotContain(DEBTOR_ID).doesNotContain(DEBTOR_NAME);
    }

    @Test
    void debtorMayTakeASecondClassSeatOnADTrainAndAnAllowLeavesOnlyACounter() {
        double before = allowCount("RAIL");

        TestHttp.Response response = http.post("/api/v1/travel-checks", airline(),
                checkJson(DEBTOR_ID, "RAIL", "RAIL_SECOND", "D3101"));

        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("decision").asString()).isEqualTo("ALLOW");
        assertThat(body.get("decisionReference").isNull()).isTrue();
        assertThat(mongo.getCollection(DECISIONS).countDocuments()).isZero();
        assertThat(allowCount("RAIL")).isEqualTo(before + 1);
    }

    @Test
    void passengerTheRegistryDoesNotKnowIsAllowed() {
        JsonNode body = JSON.readTree(http.post("/api/v1/travel-checks", airline(),
                checkJson("110105194912310053", "AIR", "AIR_FIRST", null)).body());

        assertThat(body.get("decision").asString()).isEqualTo("ALLOW");
        assertThat(mongo.getCollection(DECISIONS).countDocuments()).isZero();
    }

    @Test
    void callsToRegistryAndListsCarryThisServicesBearerToken() {
        REGISTRY_SERVER.authorizations.clear();
        LISTS_SERVER.authorizations.clear();

        http.post("/api/v1/travel-checks", airline(), checkJson(DEBTOR_ID, "AIR", "AIR_ECONOMY", null));

        assertThat(REGISTRY_SERVER.authorizations).containsOnly("Bearer " + SERVICE_TOKEN).isNotEmpty();
        assertThat(LISTS_SERVER.authorizations).containsOnly("Bearer " + SERVICE_TOKEN).isNotEmpty();
    }

    @Test
    void withoutTokenIsUnauthenticatedAndWithoutTravelCheckScopeIsForbidden() {
        String body = checkJson(DEBTOR_ID, "AIR", "AIR_ECONOMY", null);
        TestHttp.Response anonymous = http.post("/api/v1/travel-checks", null, body);
        TestHttp.Response court = http.post("/api/v1/travel-checks", TOKENS.token("court-demo", "lists.read"), body);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(court.status()).isEqualTo(403);
        assertThat(court.contentType()).startsWith("application/problem+json");
        assertThat(mongo.getCollection(DECISIONS).countDocuments()).isZero();
    }

    @Test
    void documentTheRegistryRejectsIsABadRequestNamingDocumentValueAndNothingIsLogged() {
        TestHttp.Response response = http.post("/api/v1/travel-checks", airline(),
                checkJson(BAD_ID, "AIR", "AIR_ECONOMY", null));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode error = JSON.readTree(response.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("document.value");
        assertThat(error.get("rule").asString()).isEqualTo("check-character");
        assertThat(mongo.getCollection(DECISIONS).countDocuments()).isZero();
    }

    @Test
    void railCheckWithoutTrainNumberAndUnknownClassAreBadRequestsNamingTheFields() {
        JsonNode errors = JSON.readTree(http.post("/api/v1/travel-checks", airline(),
                checkJson(DEBTOR_ID, "RAIL", "RAIL_DELUXE", null)).body()).get("errors");

        assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("serviceClass", "trainNumber");
        assertThat(mongo.getCollection(DECISIONS).countDocuments()).isZero();
    }

    @Test
    void listsServiceDownFailsClosedWithServiceUnavailableNeverAnAllow() {
        LISTS.unavailable = true;

        TestHttp.Response response = http.post("/api/v1/travel-checks", airline(),
                checkJson(DEBTOR_ID, "AIR", "AIR_ECONOMY", null));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("ALLOW");
        assertThat(mongo.getCollection(DECISIONS).countDocuments()).isZero();
        assertThat(grpcError(() -> stub(airline()).checkTravel(grpcCheck("p", DEBTOR_ID, TravelMode.TRAVEL_MODE_AIR,
                ServiceClass.SERVICE_CLASS_AIR_ECONOMY, ""))).getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    }

    @Test
    void grpcUnaryCheckDeniesTheDebtorsFlight() {
        CheckTravelResponse response = stub(airline()).checkTravel(grpcCheck("p1", DEBTOR_ID,
                TravelMode.TRAVEL_MODE_AIR, ServiceClass.SERVICE_CLASS_AIR_ECONOMY, ""));

        assertThat(response.getDecision()).isEqualTo(Decision.DECISION_DENY);
        assertThat(response.getReasonCode()).isEqualTo("SPC_DISHONEST_DEBTOR");
        assertThat(response.getDecisionReference()).isNotBlank();
        assertThat(mongo.getCollection(DECISIONS).countDocuments()).isEqualTo(1);
    }

    @Test
    void grpcBadDocumentIsInvalidArgumentNamingDocumentValueAndWrongScopeIsPermissionDenied() {
        CheckTravelRequest bad = grpcCheck("p1", BAD_ID, TravelMode.TRAVEL_MODE_AIR, ServiceClass.SERVICE_CLASS_AIR_ECONOMY, "");
        StatusRuntimeException e = catchGrpc(() -> stub(airline()).checkTravel(bad));
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(GrpcStatuses.violations(e).getFirst().field()).isEqualTo("document.value");
        assertThat(grpcError(() -> stub(TOKENS.token("court-demo", "lists.read")).checkTravel(bad)).getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(grpcError(() -> TravelCheckServiceGrpc.newBlockingStub(channel).checkTravel(bad)).getCode())
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(mongo.getCollection(DECISIONS).countDocuments()).isZero();
    }

    @Test
    void grpcBatchAnswersOnePassengerEachInRequestOrder() {
        var request = BatchCheckTravelRequest.newBuilder()
                .addChecks(grpcCheck("seat-1A", CLEAN_ID, TravelMode.TRAVEL_MODE_AIR, ServiceClass.SERVICE_CLASS_AIR_FIRST, ""))
                .addChecks(grpcCheck("seat-1B", DEBTOR_ID, TravelMode.TRAVEL_MODE_AIR, ServiceClass.SERVICE_CLASS_AIR_FIRST, ""))
                .addChecks(grpcCheck("seat-1C", "110105194912310053", TravelMode.TRAVEL_MODE_AIR,
                        ServiceClass.SERVICE_CLASS_AIR_FIRST, ""))
                .build();

        var results = stub(airline()).batchCheckTravel(request).getResultsList();

        assertThat(results).extracting(CheckTravelResponse::getPassengerRef).containsExactly("seat-1A", "seat-1B", "seat-1C");
        assertThat(results).extracting(CheckTravelResponse::getDecision)
                .containsExactly(Decision.DECISION_ALLOW, Decision.DECISION_DENY, Decision.DECISION_ALLOW);
        assertThat(mongo.getCollection(DECISIONS).countDocuments()).isEqualTo(1);
    }

    @Test
    void grpcStreamAnswersEachRequestInOrder() throws Exception {
        List<CheckTravelResponse> answers = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        StreamObserver<CheckTravelRequest> requests = TravelCheckServiceGrpc.newStub(channel)
                .withCallCredentials(bearer(airline()))
                .streamCheckTravel(new StreamObserver<>() {
                    @Override
                    public void onNext(CheckTravelResponse value) {
                        answers.add(value);
                    }

                    @Override
                    public void onError(Throwable t) {
                        done.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                        done.complete(null);
                    }
                });
        requests.onNext(grpcCheck("t-1", DEBTOR_ID, TravelMode.TRAVEL_MODE_RAIL, ServiceClass.SERVICE_CLASS_RAIL_SECOND, "G7"));
        requests.onNext(grpcCheck("t-2", DEBTOR_ID, TravelMode.TRAVEL_MODE_RAIL, ServiceClass.SERVICE_CLASS_RAIL_HARD_SEAT, "K7"));
        requests.onNext(grpcCheck("t-3", CLEAN_ID, TravelMode.TRAVEL_MODE_RAIL, ServiceClass.SERVICE_CLASS_RAIL_FIRST, "G7"));
        requests.onNext(grpcCheck("t-4", DEBTOR_ID, TravelMode.TRAVEL_MODE_SHIP, ServiceClass.SERVICE_CLASS_SHIP_FIRST, ""));
        requests.onCompleted();
        done.get(10, TimeUnit.SECONDS);

        assertThat(answers).extracting(CheckTravelResponse::getPassengerRef).containsExactly("t-1", "t-2", "t-3", "t-4");
        assertThat(answers).extracting(CheckTravelResponse::getDecision).containsExactly(
                Decision.DECISION_DENY, Decision.DECISION_ALLOW, Decision.DECISION_ALLOW, Decision.DECISION_DENY);
    }

    double allowCount(String mode) {
        var counter = meters.find("travel.checks").tag("decision", "ALLOW").tag("mode", mode).counter();
        return counter == null ? 0 : counter.count();
    }

    static CheckTravelRequest grpcCheck(String ref, String documentValue, TravelMode mode, ServiceClass serviceClass,
            String train) {
        return CheckTravelRequest.newBuilder()
                .setPassengerRef(ref)
                .setDocument(Identifier.newBuilder().setScheme(IdentifierScheme.IDENTIFIER_SCHEME_RESIDENT_ID)
                        .setValue(documentValue))
                .setName(DEBTOR_NAME)
                .setMode(mode)
                .setServiceClass(serviceClass)
                .setTrainNumber(train)
                .build();
    }

    static TravelCheckServiceGrpc.TravelCheckServiceBlockingStub stub(String token) {
        return TravelCheckServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer(token));
    }

    static Status grpcError(Runnable call) {
        return catchGrpc(call).getStatus();
    }

    static StatusRuntimeException catchGrpc(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            return e;
        }
        throw new AssertionError("expected the call to fail");
    }

    static CallCredentials bearer(String token) {
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
                Metadata headers = new Metadata();
                headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
                applier.apply(headers);
            }
        };
    }
}
