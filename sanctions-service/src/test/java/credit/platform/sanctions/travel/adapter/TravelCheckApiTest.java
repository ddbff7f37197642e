package credit.platform.sanctions.travel.adapter;

import credit.platform.testsupport.GrpcTestCalls;

import credit.platform.testsupport.FakeGrpcServer;
import credit.platform.testsupport.FixedServiceTokenSource;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import credit.common.v1.Identifier;
import credit.common.v1.IdentifierScheme;
import credit.lists.v1.ChangeType;
import credit.lists.v1.ListKind;
import credit.lists.v1.ListRecord;
import credit.lists.v1.RecordStatus;
import credit.platform.common.grpc.GrpcStatuses;
import credit.platform.common.grpc.ServiceTokenSource;
import credit.platform.sanctions.enforcement.domain.Enforcement;
import credit.platform.testsupport.MongoTestServer;
import credit.platform.testsupport.TestHttp;
import credit.platform.testsupport.TestTokens;
import credit.registry.v1.Relationship;
import credit.registry.v1.RelationshipType;
import credit.sanctions.v1.BatchCheckTravelRequest;
import credit.sanctions.v1.CheckEligibilityRequest;
import credit.sanctions.v1.CheckTravelRequest;
import credit.sanctions.v1.CheckTravelResponse;
import credit.sanctions.v1.Decision;
import credit.sanctions.v1.EligibilityServiceGrpc;
import credit.sanctions.v1.ServiceClass;
import credit.sanctions.v1.TravelCheckServiceGrpc;
import credit.sanctions.v1.TravelMode;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Travel checks end to end in one Spring Boot app: the enforcement index built from the lists feed
 * (Snapshot + Watch) and the scoring service's grade changes, enriched by the registry — all replaced
 * by fakes, {@link FakeListsService}, {@link FakeScoringService} and {@link FakeRegistryService},
 * plain gRPC servers on free ports that
 * stand in for the real services (the system tests run those) — REST and gRPC with JWT security,
 * the decision log and the index store in MongoDB ({@link MongoTestServer}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TravelCheckApiTest {

    static final TestTokens TOKENS = new TestTokens();
    static final String SERVICE_TOKEN = TOKENS.token("credit-services", "registry.read lists.read platform.internal");
    static final String DEBTOR_ID = "11010519491231002X";
    static final String DEBTOR_NAME = "张三";
    static final String DEBTOR_RECORD = UUID.randomUUID().toString();
    static final String CLEAN_ID = "110105194912310038";
    static final String BAD_ID = "110105194912310021";
    static final String DECISIONS = "travel_decisions";
    static final FakeRegistryService REGISTRY = new FakeRegistryService();
    static final FakeListsService LISTS = new FakeListsService();
    static final FakeGrpcServer REGISTRY_SERVER = new FakeGrpcServer(REGISTRY);
    static final FakeGrpcServer LISTS_SERVER = new FakeGrpcServer(LISTS);
    static final FakeScoringService SCORING = new FakeScoringService();
    static final FakeGrpcServer SCORING_SERVER = new FakeGrpcServer(SCORING);
    static final int GRPC_PORT = TestHttp.freePort();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static ManagedChannel channel;

    static {
        REGISTRY.identifiers.put("subj-debtor", List.of(resident(DEBTOR_ID), Identifier.newBuilder()
                .setScheme(IdentifierScheme.IDENTIFIER_SCHEME_PASSPORT).setValue("E12345678").setIssuingCountry("CHN").build()));
        LISTS.change(ChangeType.CHANGE_TYPE_CREATED, record(DEBTOR_RECORD, "subj-debtor", resident(DEBTOR_ID),
                RecordStatus.RECORD_STATUS_ACTIVE));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        MongoTestServer.register(registry, "sanctions-test");
        registry.add("spring.grpc.server.port", () -> GRPC_PORT);
        registry.add("spring.grpc.server.address", () -> "127.0.0.1");
        registry.add("spring.grpc.client.channel.registry.target", () -> "static://127.0.0.1:" + REGISTRY_SERVER.port());
        registry.add("spring.grpc.client.channel.lists.target", () -> "static://127.0.0.1:" + LISTS_SERVER.port());
        registry.add("spring.grpc.client.channel.scoring.target", () -> "static://127.0.0.1:" + SCORING_SERVER.port());
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
    MeterRegistry meters;

    @Autowired
    Enforcement enforcement;

    TestHttp http;

    @BeforeEach
    void setUp() {
        http = new TestHttp("http://localhost:" + port);
        mongo.getCollection(DECISIONS).deleteMany(new Document());
        eventually(enforcement::caughtUp);
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

    @Test
    void readinessIsUpOnceTheIndexHasCaughtUpAndFreshnessIsExported() {
        TestHttp.Response readiness = http.get("/readyz", null);

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(meters.find("enforcement.index.sequence").gauge().value()).isGreaterThanOrEqualTo(1);
        assertThat(meters.find("enforcement.index.age").gauge()).isNotNull();
        assertThat(meters.find("enforcement.index.lag").gauge()).isNotNull();
        assertThat(meters.find("enforcement.grades.sequence").gauge()).isNotNull();
        assertThat(meters.find("enforcement.grades.age").gauge()).isNotNull();
        assertThat(mongo.getCollection("enforcement_state").find(new Document("_id", "lists-feed")).first()
                .get("sequence", Number.class).longValue()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void listedDebtorIsDeniedAGTrainSeatFromTheIndexWithoutAnyCallAndTheDenyIsLoggedWithoutNameOrNumber() {
        int listsCalls = LISTS.calls.get();
        int registryCalls = REGISTRY.calls.get();

        TestHttp.Response response = http.post("/api/v1/travel-checks", token("rail-demo"),
                checkJson("RESIDENT_ID", DEBTOR_ID, null, "RAIL", "G101", "SECOND_CLASS"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("decision").asString()).isEqualTo("DENY");
        JsonNode reason = body.get("reasons").get(0);
        assertThat(reason.get("code").asString()).isEqualTo("SPC_DISHONEST_DEBTOR");
        assertThat(reason.get("measure").asString()).isEqualTo("RAIL_HIGH_SPEED_BAN");
        assertThat(reason.get("authority").asString()).isEqualTo("Beijing No. 2 Intermediate People's Court");
        assertThat(reason.get("recordRef").asString()).isEqualTo(DEBTOR_RECORD);
        assertThat(reason.get("appeal").asString()).contains("CreditChina");
        String decisionId = body.get("decisionId").asString();
        assertThat(decisionId).startsWith("TD-");
        assertThat(body.get("asOf").get("sequence").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(body.get("asOf").get("stale").asBoolean()).isFalse();
        assertThat(body.get("receipt").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("caseNumber").doesNotContain("score");
        assertThat(LISTS.calls.get()).isEqualTo(listsCalls);
        assertThat(REGISTRY.calls.get()).isEqualTo(registryCalls);

        Document logged = mongo.getCollection(DECISIONS).find().first();
        assertThat(mongo.getCollection(DECISIONS).countDocuments()).isEqualTo(1);
        assertThat(logged.getString("_id")).isEqualTo(decisionId);
        assertThat(logged.getString("client")).isEqualTo("rail-demo");
        assertThat(logged.getList("reasons", Document.class).getFirst().getString("recordId")).isEqualTo(DEBTOR_RECORD);
        assertThat(logged.toJson()).doesNotContain(DEBTOR_ID).doesNotContain(DEBTOR_NAME);
    }

    @Test
    void debtorMayTakeASecondClassSeatOnADTrainAndTheAllowIsOnlyCountedPerClient() {
        double before = allowCount("rail-demo");

        JsonNode body = JSON.readTree(http.post("/api/v1/travel-checks", token("rail-demo"),
                checkJson("RESIDENT_ID", DEBTOR_ID, null, "RAIL", "D3101", "SECOND_CLASS")).body());

        assertThat(body.get("decision").asString()).isEqualTo("ALLOW");
        assertThat(body.get("reasons")).isEmpty();
        assertThat(body.get("decisionId").asString()).isNotBlank();
        assertThat(mongo.getCollection(DECISIONS).countDocuments()).isZero();
        assertThat(allowCount("rail-demo")).isEqualTo(before + 1);
    }

    @Test
    void aFirstVersionClientsRequestShapeIsStillAnsweredWithItsFields() {
        String v1 = """
                {"passengerRef":"PNR-1","document":{"scheme":"RESIDENT_ID","value":"%s","issuingCountry":null},
                 "name":"x","mode":"RAIL","serviceClass":"RAIL_BUSINESS","trainNumber":"D1",
                 "departure":"2030-12-01T08:30:00Z"}""".formatted(DEBTOR_ID);

        JsonNode body = JSON.readTree(http.post("/api/v1/travel-checks", token("rail-demo"), v1).body());

        assertThat(body.get("decision").asString()).isEqualTo("DENY");
        assertThat(body.get("reasonCode").asString()).isEqualTo("SPC_DISHONEST_DEBTOR");
        assertThat(body.get("decisionReference").asString()).isEqualTo(body.get("decisionId").asString());
        assertThat(body.get("appealChannel").asString()).contains("CreditChina");
    }

    @Test
    void passportBoundToTheDebtorsResidentIdIsDeniedAFlight() {
        JsonNode body = JSON.readTree(http.post("/api/v1/travel-checks", token("airline-demo"),
                checkJson("PASSPORT", "E12345678", "CHN", "AIR", null, "ECONOMY")).body());

        assertThat(body.get("decision").asString()).isEqualTo("DENY");
        assertThat(body.get("reasons").get(0).get("measure").asString()).isEqualTo("AIR_TRAVEL_BAN");
    }

    @Test
    void aWholeTrainIsAnsweredInOrderAndAnInvalidPassengerRejectsTheBatchWithoutLogging() {
        String batch = "{\"checks\":[" + checkJson("RESIDENT_ID", CLEAN_ID, null, "RAIL", "G7", "FIRST_CLASS") + ","
                + checkJson("RESIDENT_ID", DEBTOR_ID, null, "RAIL", "G7", "SECOND_CLASS") + ","
                + checkJson("RESIDENT_ID", DEBTOR_ID, null, "RAIL", "K7", "HARD_SLEEPER") + "]}";

        JsonNode answer = JSON.readTree(http.post("/api/v1/travel-checks/batch", token("rail-demo"), batch).body());
        JsonNode results = answer.get("results");

        assertThat(results.findValuesAsString("decision")).containsExactly("ALLOW", "DENY", "ALLOW");
        assertThat(mongo.getCollection(DECISIONS).countDocuments()).isEqualTo(1);
        JsonNode envelope = JSON.readTree(http.post("/api/v1/travel-checks/receipts/verify", token("rail-demo"),
                "{\"receipt\":\"" + answer.get("receipt").asString() + "\"}").body());
        assertThat(envelope.get("valid").asBoolean()).isTrue();
        assertThat(envelope.get("claims").get("count").asInt()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            String own = results.get(i).get("receipt").asString();
            assertThat(own).as("each answer provable alone, under the batch's one signature")
                    .startsWith(answer.get("receipt").asString() + "~");
            JsonNode verified = JSON.readTree(http.post("/api/v1/travel-checks/receipts/verify", token("rail-demo"),
                    "{\"receipt\":\"" + own + "\"}").body());
            assertThat(verified.get("valid").asBoolean()).isTrue();
            assertThat(verified.get("claims").get("decision").asString())
                    .isEqualTo(results.get(i).get("decision").asString());
            assertThat(verified.get("claims").get("jti").asString()).isEqualTo(results.get(i).get("decisionId").asString());
            assertThat(verified.get("claims").get("receipt").get("index").asInt()).isEqualTo(i);
        }

        mongo.getCollection(DECISIONS).deleteMany(new Document());
        String invalid = "{\"checks\":[" + checkJson("RESIDENT_ID", DEBTOR_ID, null, "AIR", null, "ECONOMY") + ","
                + checkJson("RESIDENT_ID", BAD_ID, null, "AIR", null, "ECONOMY") + "]}";
        TestHttp.Response rejected = http.post("/api/v1/travel-checks/batch", token("rail-demo"), invalid);
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(JSON.readTree(rejected.body()).get("errors").findValuesAsString("field"))
                .containsExactly("checks[1].document.number");
        assertThat(mongo.getCollection(DECISIONS).countDocuments()).isZero();
    }

    @Test
    void aReceiptIsBoundInTimeAndToItsClientAndNamesTheDocumentByAKeyedDigestOnly() throws Exception {
        String receipt = JSON.readTree(http.post("/api/v1/travel-checks", token("airline-demo"),
                checkJson("RESIDENT_ID", DEBTOR_ID, null, "AIR", null, "ECONOMY")).body()).get("receipt").asString();
        JsonNode claims = JSON.readTree(http.post("/api/v1/travel-checks/receipts/verify", token("airline-demo"),
                "{\"receipt\":\"" + receipt + "\"}").body()).get("claims");

        assertThat(claims.get("aud").asString()).isEqualTo("airline-demo");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(86_400);
        assertThat(claims.get("receipt").get("exp").asLong()).isGreaterThan(claims.get("receipt").get("iat").asLong());
        assertThat(claims.has("documentSha256")).isFalse();
        String digest = claims.get("documentHmac").asString();
        // not the plain hash anyone could compute by trying numbers
        String plain = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(("RESIDENT_ID::" + DEBTOR_ID).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(digest).hasSize(64).isNotEqualTo(plain);
        assertThat(receipt).doesNotContain(plain);

        // whoever holds the document asks the service whether the receipt is about it (any spelling)
        JsonNode same = JSON.readTree(http.post("/api/v1/travel-checks/receipts/verify", token("airline-demo"),
                "{\"receipt\":\"" + receipt + "\",\"document\":{\"type\":\"resident_id\",\"number\":\""
                        + DEBTOR_ID.toLowerCase() + "\"}}").body());
        assertThat(same.get("valid").asBoolean()).isTrue();
        assertThat(same.get("documentMatches").asBoolean()).isTrue();
        JsonNode other = JSON.readTree(http.post("/api/v1/travel-checks/receipts/verify", token("airline-demo"),
                "{\"receipt\":\"" + receipt + "\",\"document\":{\"type\":\"RESIDENT_ID\",\"number\":\""
                        + CLEAN_ID + "\"}}").body());
        assertThat(other.get("documentMatches").asBoolean()).isFalse();

        // the signing key in the database is encrypted, never stored in plain text
        mongo.getCollection("receipt_keys").find().forEach(d -> {
            assertThat(d.containsKey("jwk")).isFalse();
            assertThat(d.toJson()).doesNotContain("\"d\"");
        });
    }

    @Test
    void receiptVerifiesWithThePublishedKeyAndFailsWhenAltered() {
        String receipt = JSON.readTree(http.post("/api/v1/travel-checks", token("airline-demo"),
                checkJson("RESIDENT_ID", DEBTOR_ID, null, "AIR", null, "ECONOMY")).body()).get("receipt").asString();

        JsonNode verified = JSON.readTree(http.post("/api/v1/travel-checks/receipts/verify", token("airline-demo"),
                "{\"receipt\":\"" + receipt + "\"}").body());
        assertThat(verified.get("valid").asBoolean()).isTrue();
        assertThat(verified.get("claims").get("decision").asString()).isEqualTo("DENY");
        assertThat(verified.get("claims").toString()).doesNotContain(DEBTOR_ID);

        // The decision altered (DENY → ALLOW): its hash no longer leads to the signed root.
        String[] parts = receipt.split("~");
        String decision = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"DENY\"", "\"ALLOW\"");
        String alteredDecision = parts[0] + "~" + Base64.getUrlEncoder().withoutPadding().encodeToString(decision.getBytes())
                + "~" + parts[2];
        assertThat(verify(alteredDecision)).isFalse();
        // The signed envelope altered: the signature fails.
        String[] jws = parts[0].split("\\.");
        String envelope = new String(Base64.getUrlDecoder().decode(jws[1])).replace("\"count\":1", "\"count\":2");
        assertThat(verify(jws[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(envelope.getBytes()) + "."
                + jws[2] + "~" + parts[1] + "~" + parts[2])).isFalse();
        // Another index or count than signed: rejected.
        assertThat(verify(parts[0] + "~" + parts[1] + "~1:2")).isFalse();
        assertThat(verify(receipt)).isTrue();

        JsonNode keys = JSON.readTree(http.get("/api/v1/travel-checks/receipt-keys", token("airline-demo")).body());
        assertThat(keys.get("keys").get(0).get("kty").asString()).isEqualTo("EC");
        assertThat(keys.get("keys").get(0).has("d")).as("no private part published").isFalse();
    }

    @Test
    void aBatchAnswersReceiptFailsWhenItsInclusionProofIsAltered() {
        String batch = "{\"checks\":[" + checkJson("RESIDENT_ID", CLEAN_ID, null, "AIR", null, "ECONOMY") + ","
                + checkJson("RESIDENT_ID", DEBTOR_ID, null, "AIR", null, "ECONOMY") + ","
                + checkJson("RESIDENT_ID", CLEAN_ID, null, "AIR", null, "ECONOMY") + "]}";
        JsonNode results = JSON.readTree(http.post("/api/v1/travel-checks/batch", token("airline-demo"), batch).body())
                .get("results");
        String denied = results.get(1).get("receipt").asString();
        String allowed = results.get(0).get("receipt").asString();
        assertThat(verify(denied)).isTrue();

        String[] parts = denied.split("~");
        String[] path = parts[2].split(":"); // index:count:sibling…
        byte[] sibling = Base64.getUrlDecoder().decode(path[2]);
        sibling[0] ^= 1;
        path[2] = Base64.getUrlEncoder().withoutPadding().encodeToString(sibling);
        assertThat(verify(parts[0] + "~" + parts[1] + "~" + String.join(":", path))).as("altered sibling hash").isFalse();
        assertThat(verify(parts[0] + "~" + parts[1] + "~" + "0:" + parts[2].substring(2))).as("another index").isFalse();
        // The DENY's decision put in the ALLOW's place (with the ALLOW's proof) does not verify.
        String[] other = allowed.split("~");
        assertThat(verify(other[0] + "~" + parts[1] + "~" + other[2])).as("decision swapped").isFalse();
    }

    private boolean verify(String receipt) {
        return JSON.readTree(http.post("/api/v1/travel-checks/receipts/verify", token("airline-demo"),
                "{\"receipt\":\"" + receipt + "\"}").body()).get("valid").asBoolean();
    }

    @Test
    void withoutTokenIsUnauthenticatedAndWithoutTravelCheckScopeIsForbidden() {
        String body = checkJson("RESIDENT_ID", DEBTOR_ID, null, "AIR", null, "ECONOMY");
        TestHttp.Response anonymous = http.post("/api/v1/travel-checks", null, body);
        TestHttp.Response court = http.post("/api/v1/travel-checks", TOKENS.token("court-demo", "lists.read"), body);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(court.status()).isEqualTo(403);
        assertThat(court.contentType()).startsWith("application/problem+json");
        assertThat(mongo.getCollection(DECISIONS).countDocuments()).isZero();
    }

    @Test
    void invalidDocumentIsABadRequestNamingTheNumberNeverAnAllow() {
        TestHttp.Response response = http.post("/api/v1/travel-checks", token("airline-demo"),
                checkJson("RESIDENT_ID", BAD_ID, null, "AIR", null, "ECONOMY"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode error = JSON.readTree(response.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("document.number");
        assertThat(error.get("rule").asString()).isEqualTo("check-character");
        assertThat(mongo.getCollection(DECISIONS).countDocuments()).isZero();
    }

    @Test
    void railCheckWithoutTrainNumberAndUnknownSeatClassAreBadRequestsNamingTheFields() {
        JsonNode errors = JSON.readTree(http.post("/api/v1/travel-checks", token("rail-demo"),
                checkJson("RESIDENT_ID", DEBTOR_ID, null, "RAIL", null, "DELUXE")).body()).get("errors");

        assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("seatClass", "trainNumber");
    }

    @Test
    void aRecordCreatedOnTheFeedDeniesWithinTheBoundAndItsRemovalAllowsAgain() {
        String person = "110105198001010016";
        String recordId = UUID.randomUUID().toString();
        String flight = checkJson("RESIDENT_ID", person, null, "AIR", null, "BUSINESS");
        assertThat(decision(flight)).isEqualTo("ALLOW");

        LISTS.change(ChangeType.CHANGE_TYPE_CREATED, record(recordId, "subj-new", resident(person),
                RecordStatus.RECORD_STATUS_ACTIVE));
        eventually(() -> decision(flight).equals("DENY"));

        LISTS.change(ChangeType.CHANGE_TYPE_REMOVED, record(recordId, "subj-new", resident(person),
                RecordStatus.RECORD_STATUS_REMOVED));
        eventually(() -> decision(flight).equals("ALLOW"));
    }

    @Test
    void legalRepresentativeOfAListedCompanyIsDeniedAndTheReasonSaysSo() {
        String rep = "110105198001010024";
        REGISTRY.identifiers.put("subj-rep", List.of(resident(rep)));
        REGISTRY.relationships.put("subj-company", List.of(Relationship.newBuilder().setRelationshipId("rel-1")
                .setType(RelationshipType.RELATIONSHIP_TYPE_LEGAL_REPRESENTATIVE).setFromSubjectId("subj-rep")
                .setToSubjectId("subj-company").setValidFrom(Timestamp.newBuilder().setSeconds(0)).build()));

        LISTS.change(ChangeType.CHANGE_TYPE_CREATED, record(UUID.randomUUID().toString(), "subj-company",
                Identifier.newBuilder().setScheme(IdentifierScheme.IDENTIFIER_SCHEME_USCC).setValue("91350200776049653A")
                        .build(), RecordStatus.RECORD_STATUS_ACTIVE));

        String flight = checkJson("RESIDENT_ID", rep, null, "AIR", null, "ECONOMY");
        eventually(() -> decision(flight).equals("DENY"));
        JsonNode reason = JSON.readTree(http.post("/api/v1/travel-checks", token("airline-demo"), flight).body())
                .get("reasons").get(0);
        assertThat(reason.get("capacity").asString()).isEqualTo("as legal representative of 91350200776049653A");
    }

    @Test
    void aNewLegalRepresentativeAnnouncedByTheRegistryReKeysTheCompanysMeasuresAsOfTheTravelDate() {
        String uscc = "91110108MA01ABCD3L";
        String oldRep = "110105197001010011";
        String newRep = "110105198501010012";
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        java.time.LocalDate changeDay = today.minusDays(5);
        long change = changeDay.atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toEpochSecond();
        REGISTRY.identifiers.put("subj-old-rep", List.of(resident(oldRep)));
        REGISTRY.identifiers.put("subj-new-rep", List.of(resident(newRep)));
        REGISTRY.relationships.put("subj-co-7", List.of(representative("rel-old", "subj-old-rep", "subj-co-7", 0, 0)));
        LISTS.change(ChangeType.CHANGE_TYPE_CREATED, record(UUID.randomUUID().toString(), "subj-co-7",
                Identifier.newBuilder().setScheme(IdentifierScheme.IDENTIFIER_SCHEME_USCC).setValue(uscc).build(),
                RecordStatus.RECORD_STATUS_ACTIVE).toBuilder()
                .setEffectiveFrom(Timestamp.newBuilder().setSeconds(change - 30 * 86_400L)).build());
        String oldRepFlies = checkJson("RESIDENT_ID", oldRep, null, "AIR", null, "ECONOMY");
        String newRepFlies = checkJson("RESIDENT_ID", newRep, null, "AIR", null, "ECONOMY");
        eventually(() -> decision(oldRepFlies).equals("DENY"));
        assertThat(decision(newRepFlies)).isEqualTo("ALLOW");

        // The registry records the change of legal representative (dated 5 days ago) and announces it.
        REGISTRY.relationships.put("subj-co-7", List.of(representative("rel-old", "subj-old-rep", "subj-co-7", 0, change),
                representative("rel-new", "subj-new-rep", "subj-co-7", change, 0)));
        REGISTRY.announce("subj-co-7");

        eventually(() -> decision(newRepFlies).equals("DENY"));
        assertThat(decision(oldRepFlies)).as("old holder: ALLOW from the change date").isEqualTo("ALLOW");
        String beforeChange = changeDay.minusDays(3).toString();
        assertThat(decision(onDay(oldRepFlies, beforeChange))).as("old holder, trip before the change").isEqualTo("DENY");
        assertThat(decision(onDay(newRepFlies, beforeChange))).as("new holder, trip before the change").isEqualTo("ALLOW");
        JsonNode reason = JSON.readTree(http.post("/api/v1/travel-checks", token("airline-demo"), newRepFlies).body())
                .get("reasons").get(0);
        assertThat(reason.get("capacity").asString()).isEqualTo("as legal representative of " + uscc);
        assertThat(enforcement.registrySequence()).isGreaterThanOrEqualTo(1);
    }

    static Relationship representative(String id, String person, String company, long from, long until) {
        Relationship.Builder b = Relationship.newBuilder().setRelationshipId(id)
                .setType(RelationshipType.RELATIONSHIP_TYPE_LEGAL_REPRESENTATIVE).setFromSubjectId(person)
                .setToSubjectId(company).setValidFrom(Timestamp.newBuilder().setSeconds(from));
        if (until > 0) {
            b.setValidUntil(Timestamp.newBuilder().setSeconds(until));
        }
        return b.build();
    }

    static String onDay(String checkJson, String isoDate) {
        return checkJson.replaceFirst("\\{", "{\"travelDate\":\"" + isoDate + "\",");
    }

    @Test
    void aCompanyGradedDOnCorporateComplianceIsExcludedFromProcurementAndAnAGradeEarnsAReward() {
        String uscc = "91440300MA5FXT4K8N";
        REGISTRY.identifiers.put("subj-graded", List.of(Identifier.newBuilder()
                .setScheme(IdentifierScheme.IDENTIFIER_SCHEME_USCC).setValue(uscc).build()));
        String body = "{\"subject\":{\"type\":\"USCC\",\"number\":\"" + uscc + "\"}}";
        String procurement = TOKENS.token("procurement-demo", "eligibility.check");

        SCORING.gradeChange("subj-graded", "corporate-compliance", "C", "D");
        eventually(() -> !JSON.readTree(http.post("/api/v1/eligibility-checks", procurement, body).body())
                .get("measures").isEmpty());
        JsonNode excluded = JSON.readTree(http.post("/api/v1/eligibility-checks", procurement, body).body());
        assertThat(excluded.get("measures").findValuesAsString("measure")).containsExactly("PUBLIC_PROCUREMENT_EXCLUSION");
        assertThat(excluded.get("measures").get(0).get("code").asString()).isEqualTo("COMPLIANCE_GRADE_D");

        // The feed breaks and resumes after the last applied grade change: the next one still arrives.
        long watchesBefore = SCORING.watches.get();
        SCORING.dropWatchers();
        eventually(() -> SCORING.watches.get() > watchesBefore);
        SCORING.gradeChange("subj-graded", "corporate-compliance", "D", "A");
        eventually(() -> JSON.readTree(http.post("/api/v1/eligibility-checks", procurement, body).body())
                .get("measures").isEmpty());
        JsonNode rewarded = JSON.readTree(http.post("/api/v1/eligibility-checks", procurement, body).body());
        assertThat(rewarded.get("rewards").findValuesAsString("measure")).containsExactly("REDUCED_INSPECTION");
        // the follower applies a change, then records its position: the answer can show the change first
        // (the clean-clone CI at 7a383f7 read 1 here)
        eventually(() -> enforcement.gradeSequence() == 2);
        assertThat(enforcement.gradeSequence()).isEqualTo(2);
        JsonNode health = JSON.readTree(http.get("/readyz", null).body());
        assertThat(health.get("status").asString()).isEqualTo("UP");
    }

    @Test
    void eligibilityListsTheMeasuresInForceAndNeedsItsOwnScope() {
        String body = "{\"subject\":{\"type\":\"RESIDENT_ID\",\"number\":\"" + DEBTOR_ID + "\"}}";

        JsonNode answer = JSON.readTree(http.post("/api/v1/eligibility-checks",
                TOKENS.token("procurement-demo", "eligibility.check"), body).body());

        assertThat(answer.get("measures").findValuesAsString("measure")).contains("PUBLIC_PROCUREMENT_EXCLUSION",
                "AIR_TRAVEL_BAN");
        assertThat(answer.get("rewards")).isEmpty();
        assertThat(http.post("/api/v1/eligibility-checks", token("airline-demo"), body).status()).isEqualTo(403);
        var grpc = EligibilityServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(GrpcTestCalls.bearer(TOKENS.token("procurement-demo", "eligibility.check")))
                .checkEligibility(CheckEligibilityRequest.newBuilder().setSubject(resident(DEBTOR_ID)).build());
        assertThat(grpc.getMeasuresList()).extracting(m -> m.getMeasure()).contains("PUBLIC_PROCUREMENT_EXCLUSION");
    }

    @Test
    void grpcUnaryCheckDeniesTheDebtorsFlightWithReasonsAsOfAndReceipt() {
        CheckTravelResponse response = stub(token("airline-demo")).checkTravel(grpcCheck("p1", DEBTOR_ID,
                TravelMode.TRAVEL_MODE_AIR, ServiceClass.SERVICE_CLASS_AIR_ECONOMY, ""));

        assertThat(response.getDecision()).isEqualTo(Decision.DECISION_DENY);
        assertThat(response.getReasonCode()).isEqualTo("SPC_DISHONEST_DEBTOR");
        assertThat(response.getReasons(0).getMeasure()).isEqualTo("AIR_TRAVEL_BAN");
        assertThat(response.getDecisionId()).isEqualTo(response.getDecisionReference()).isNotBlank();
        assertThat(response.getAsOf().getSequence()).isGreaterThanOrEqualTo(1);
        assertThat(response.getReceipt()).isNotBlank();
        Document logged = mongo.getCollection(DECISIONS).find().first();
        assertThat(logged.getString("client")).isEqualTo("airline-demo");
    }

    @Test
    void grpcCallsAreObservedOncePerCallUnderMicrometersNamesWithoutItsPerMessageCounters(
            @Autowired org.springframework.context.ApplicationContext context) throws Exception {
        // platform-common GrpcCallObservations in place of Micrometer's server interceptor, not beside it
        assertThat(context.getBeansOfType(io.micrometer.core.instrument.binder.grpc.ObservationGrpcServerInterceptor.class))
                .isEmpty();
        CheckTravelRequest check = grpcCheck("p-observed", DEBTOR_ID, TravelMode.TRAVEL_MODE_AIR,
                ServiceClass.SERVICE_CLASS_AIR_ECONOMY, "");
        stub(token("airline-demo")).checkTravel(check);
        // refused by authorization, inside the observation (outermost, as Micrometer's was)
        assertThat(GrpcTestCalls.failureOf(() -> stub(TOKENS.token("court-demo", "lists.read")).checkTravel(check))
                .getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        for (String status : List.of("OK", "PERMISSION_DENIED")) {
            java.util.function.Supplier<io.micrometer.core.instrument.Timer> timer = () -> meters.find("grpc.server")
                    .tag("rpc.service", "credit.sanctions.v1.TravelCheckService").tag("rpc.method", "CheckTravel")
                    .tag("rpc.type", "UNARY").tag("grpc.status_code", status).timer();
            for (int i = 0; i < 200 && (timer.get() == null || timer.get().count() == 0); i++) {
                Thread.sleep(10); // bounded: the observation stops once the call has completed on the server
            }
            assertThat(timer.get()).as("grpc.server timer, status %s", status).isNotNull();
            assertThat(timer.get().count()).isPositive();
        }
        assertThat(meters.find("grpc.server.received").meters()).isEmpty();
        assertThat(meters.find("grpc.server.sent").meters()).isEmpty();
    }

    @Test
    void grpcBadDocumentIsInvalidArgumentAndWrongScopeIsPermissionDenied() {
        CheckTravelRequest bad = grpcCheck("p1", BAD_ID, TravelMode.TRAVEL_MODE_AIR, ServiceClass.SERVICE_CLASS_AIR_ECONOMY, "");
        StatusRuntimeException e = GrpcTestCalls.failureOf(() -> stub(token("airline-demo")).checkTravel(bad));
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(GrpcStatuses.violations(e).getFirst().field()).isEqualTo("document.number");
        assertThat(GrpcTestCalls.failureOf(() -> stub(TOKENS.token("court-demo", "lists.read")).checkTravel(bad)).getStatus().getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(GrpcTestCalls.failureOf(() -> TravelCheckServiceGrpc.newBlockingStub(channel).checkTravel(bad)).getStatus().getCode())
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(mongo.getCollection(DECISIONS).countDocuments()).isZero();
    }

    @Test
    void grpcBatchAnswersOnePassengerEachInRequestOrder() {
        var request = BatchCheckTravelRequest.newBuilder()
                .addChecks(grpcCheck("seat-1A", CLEAN_ID, TravelMode.TRAVEL_MODE_AIR, ServiceClass.SERVICE_CLASS_AIR_FIRST, ""))
                .addChecks(grpcCheck("seat-1B", DEBTOR_ID, TravelMode.TRAVEL_MODE_AIR, ServiceClass.SERVICE_CLASS_AIR_FIRST, ""))
                .build();

        var results = stub(token("airline-demo")).batchCheckTravel(request).getResultsList();

        assertThat(results).extracting(CheckTravelResponse::getPassengerRef).containsExactly("seat-1A", "seat-1B");
        assertThat(results).extracting(CheckTravelResponse::getDecision)
                .containsExactly(Decision.DECISION_ALLOW, Decision.DECISION_DENY);
    }

    @Test
    void grpcBatchCarriesTheEnvelopeOnceAndPerAnswerACompactProofThatVerifiesAloneAndFailsWhenAltered() {
        var request = BatchCheckTravelRequest.newBuilder()
                .addChecks(grpcCheck("seat-1A", CLEAN_ID, TravelMode.TRAVEL_MODE_AIR, ServiceClass.SERVICE_CLASS_AIR_FIRST, ""))
                .addChecks(grpcCheck("seat-1B", DEBTOR_ID, TravelMode.TRAVEL_MODE_AIR, ServiceClass.SERVICE_CLASS_AIR_FIRST, ""))
                .addChecks(grpcCheck("seat-1C", CLEAN_ID, TravelMode.TRAVEL_MODE_AIR, ServiceClass.SERVICE_CLASS_AIR_FIRST, ""))
                .build();

        var response = stub(token("airline-demo")).batchCheckTravel(request);

        String envelope = response.getReceipt();
        assertThat(envelope).as("the envelope, once per batch").isNotBlank().doesNotContain("~");
        for (int i = 0; i < 3; i++) {
            CheckTravelResponse r = response.getResults(i);
            assertThat(r.getReceipt()).as("no self-contained receipt unless asked").isEmpty();
            assertThat(r.getReceiptIndex()).isEqualTo(i);
            assertThat(r.getReceiptProof().size() % 32).isZero();
            JsonNode verified = verifyCompact(envelope, r.getReceiptDecision().toByteArray(), r.getReceiptIndex(),
                    r.getReceiptProof().toByteArray());
            assertThat(verified.get("valid").asBoolean()).isTrue();
            assertThat(verified.get("claims").get("jti").asString()).isEqualTo(r.getDecisionId());
            assertThat(verified.get("claims").get("decision").asString())
                    .isEqualTo(r.getDecision() == Decision.DECISION_DENY ? "DENY" : "ALLOW");
            assertThat(verified.get("claims").get("passengerRef").asString()).isEqualTo(r.getPassengerRef());
            assertThat(verified.get("claims").get("receipt").get("count").asInt()).isEqualTo(3);
        }

        CheckTravelResponse denied = response.getResults(1);
        byte[] decision = denied.getReceiptDecision().toByteArray();
        byte[] proof = denied.getReceiptProof().toByteArray();
        byte[] allowed = new String(decision, java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"DENY\"", "\"ALLOW\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(verifyCompact(envelope, allowed, 1, proof).get("valid").asBoolean()).as("decision altered").isFalse();
        assertThat(verifyCompact(envelope, decision, 0, proof).get("valid").asBoolean()).as("index altered").isFalse();
        byte[] sibling = proof.clone();
        sibling[3] ^= 1;
        assertThat(verifyCompact(envelope, decision, 1, sibling).get("valid").asBoolean()).as("sibling altered").isFalse();
        assertThat(verifyCompact(envelope, decision, 1, java.util.Arrays.copyOf(proof, proof.length - 32))
                .get("valid").asBoolean()).as("sibling dropped").isFalse();
        String[] jws = envelope.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(jws[1])).replace("\"count\":3", "\"count\":4");
        String forged = jws[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + jws[2];
        assertThat(verifyCompact(forged, decision, 1, proof).get("valid").asBoolean()).as("envelope altered").isFalse();
        assertThat(verifyCompact(envelope, decision, 1, proof).get("valid").asBoolean()).isTrue();
    }

    @Test
    void aCompactProofRevealsNothingOfTheOtherPassengersButHashes() {
        var request = BatchCheckTravelRequest.newBuilder()
                .addChecks(grpcCheck("seat-7A", CLEAN_ID, TravelMode.TRAVEL_MODE_AIR, ServiceClass.SERVICE_CLASS_AIR_ECONOMY, ""))
                .addChecks(grpcCheck("seat-7B", DEBTOR_ID, TravelMode.TRAVEL_MODE_AIR, ServiceClass.SERVICE_CLASS_AIR_ECONOMY, ""))
                .build();

        var response = stub(token("airline-demo")).batchCheckTravel(request);

        CheckTravelResponse clean = response.getResults(0);
        CheckTravelResponse debtor = response.getResults(1);
        // What the clean passenger would be shown to prove their answer: their own fields, their own
        // decision, and one 32-byte hash standing for the debtor's decision — not its content.
        String shown = new String(clean.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(shown).contains("seat-7A").doesNotContain("seat-7B", debtor.getDecisionId(), "DENY",
                "SPC_DISHONEST_DEBTOR", DEBTOR_ID);
        assertThat(clean.getReceiptProof().size()).isEqualTo(32);
        assertThat(clean.getReceiptProof().toByteArray()).as("the sibling is the hash of the debtor's leaf")
                .isEqualTo(leafHash(debtor.getReceiptDecision().toByteArray()));
    }

    @Test
    void grpcBatchGivesSelfContainedReceiptsWhenAsked() {
        var request = BatchCheckTravelRequest.newBuilder().setSelfContainedReceipts(true)
                .addChecks(grpcCheck("seat-1A", CLEAN_ID, TravelMode.TRAVEL_MODE_AIR, ServiceClass.SERVICE_CLASS_AIR_FIRST, ""))
                .addChecks(grpcCheck("seat-1B", DEBTOR_ID, TravelMode.TRAVEL_MODE_AIR, ServiceClass.SERVICE_CLASS_AIR_FIRST, ""))
                .build();

        var response = stub(token("airline-demo")).batchCheckTravel(request);

        for (CheckTravelResponse r : response.getResultsList()) {
            assertThat(r.getReceipt()).startsWith(response.getReceipt() + "~");
            assertThat(r.getReceiptProof().isEmpty()).isTrue();
            assertThat(verify(r.getReceipt())).isTrue();
        }
    }

    @Test
    void restBatchGivesCompactProofsWhenSelfContainedReceiptsAreDeclined() {
        String batch = "{\"selfContainedReceipts\":false,\"checks\":["
                + checkJson("RESIDENT_ID", CLEAN_ID, null, "RAIL", "G7", "FIRST_CLASS") + ","
                + checkJson("RESIDENT_ID", DEBTOR_ID, null, "RAIL", "G7", "SECOND_CLASS") + "]}";

        JsonNode answer = JSON.readTree(http.post("/api/v1/travel-checks/batch", token("rail-demo"), batch).body());

        for (int i = 0; i < 2; i++) {
            JsonNode r = answer.get("results").get(i);
            assertThat(r.get("receipt").isNull()).isTrue();
            String body = "{\"envelope\":\"" + answer.get("receipt").asString() + "\",\"decision\":\""
                    + r.get("receiptDecision").asString() + "\",\"index\":" + r.get("receiptIndex").asInt()
                    + ",\"proof\":\"" + r.get("receiptProof").asString() + "\"}";
            JsonNode verified = JSON.readTree(http.post("/api/v1/travel-checks/receipts/verify", token("rail-demo"), body)
                    .body());
            assertThat(verified.get("valid").asBoolean()).isTrue();
            assertThat(verified.get("claims").get("jti").asString()).isEqualTo(r.get("decisionId").asString());
        }
        TestHttp.Response incomplete = http.post("/api/v1/travel-checks/receipts/verify", token("rail-demo"),
                "{\"envelope\":\"" + answer.get("receipt").asString() + "\"}");
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(JSON.readTree(incomplete.body()).get("errors").findValuesAsString("field"))
                .containsExactly("decision", "index", "proof");
    }

    private JsonNode verifyCompact(String envelope, byte[] decision, int index, byte[] proof) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return JSON.readTree(http.post("/api/v1/travel-checks/receipts/verify", token("airline-demo"),
                "{\"envelope\":\"" + envelope + "\",\"decision\":\"" + b64.encodeToString(decision) + "\",\"index\":"
                        + index + ",\"proof\":\"" + b64.encodeToString(proof) + "\"}").body());
    }

    private static byte[] leafHash(byte[] decision) {
        try {
            var md = java.security.MessageDigest.getInstance("SHA-256");
            md.update((byte) 0);
            return md.digest(decision);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void grpcStreamAnswersEachRequestInOrder() throws Exception {
        List<CheckTravelResponse> answers = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        StreamObserver<CheckTravelRequest> requests = TravelCheckServiceGrpc.newStub(channel)
                .withCallCredentials(GrpcTestCalls.bearer(token("rail-demo")))
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
        requests.onNext(grpcCheck("t-4", DEBTOR_ID, TravelMode.TRAVEL_MODE_RAIL, ServiceClass.SERVICE_CLASS_RAIL_SOFT_SLEEPER, "K7"));
        requests.onCompleted();
        done.get(10, TimeUnit.SECONDS);

        assertThat(answers).extracting(CheckTravelResponse::getPassengerRef).containsExactly("t-1", "t-2", "t-3", "t-4");
        assertThat(answers).extracting(CheckTravelResponse::getDecision).containsExactly(
                Decision.DECISION_DENY, Decision.DECISION_ALLOW, Decision.DECISION_ALLOW, Decision.DECISION_DENY);
    }

    // --- helpers ---

    String decision(String json) {
        return JSON.readTree(http.post("/api/v1/travel-checks", token("airline-demo"), json).body()).get("decision")
                .asString();
    }

    static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static Identifier resident(String number) {
        return Identifier.newBuilder().setScheme(IdentifierScheme.IDENTIFIER_SCHEME_RESIDENT_ID).setValue(number).build();
    }

    static ListRecord record(String recordId, String subjectId, Identifier identifier, RecordStatus status) {
        return ListRecord.newBuilder().setRecordId(recordId).setListId("spc-dishonest-debtors")
                .setListKind(ListKind.LIST_KIND_BLACK).setSubjectId(subjectId).setIdentifier(identifier)
                .setIssuingAuthority("Beijing No. 2 Intermediate People's Court").setStatus(status)
                .setEffectiveFrom(Timestamp.newBuilder().setSeconds(Instant.now().minusSeconds(86_400).getEpochSecond()))
                .build();
    }

    static String token(String client) {
        return TOKENS.token(client, "travel.check");
    }

    static String checkJson(String type, String number, String country, String mode, String train, String seat) {
        return """
                {"passengerRef":"PNR-7-1","document":{"type":"%s","number":"%s"%s},"name":"%s",
                 "mode":"%s","trainNumber":%s,"seatClass":"%s"}
                """.formatted(type, number, country == null ? "" : ",\"country\":\"" + country + "\"", DEBTOR_NAME, mode,
                train == null ? "null" : "\"" + train + "\"", seat);
    }

    double allowCount(String client) {
        var counter = meters.find("travel.checks").tag("decision", "ALLOW").tag("client", client).counter();
        return counter == null ? 0 : counter.count();
    }

    static CheckTravelRequest grpcCheck(String ref, String number, TravelMode mode, ServiceClass serviceClass,
            String train) {
        return CheckTravelRequest.newBuilder()
                .setPassengerRef(ref)
                .setDocument(resident(number))
                .setName(DEBTOR_NAME)
                .setMode(mode)
                .setServiceClass(serviceClass)
                .setTrainNumber(train)
                .build();
    }

    static TravelCheckServiceGrpc.TravelCheckServiceBlockingStub stub(String token) {
        return TravelCheckServiceGrpc.newBlockingStub(channel).withCallCredentials(GrpcTestCalls.bearer(token));
    }

    /** Generated (springdoc), typed, every operation scoped and with an example: what the gateway gathers. */
    @org.junit.jupiter.api.Test
    void theGeneratedApiDescriptionIsTypedScopedAndHasExamples() {
        TestHttp.Response docs = http.get("/v3/api-docs", null);
        org.assertj.core.api.Assertions.assertThat(docs.status()).as("open, like health").isEqualTo(200);
        credit.platform.testsupport.ApiDescriptionRules.assertTypedScopedAndExemplified("sanctions-service", docs.body());
    }
}
