package credit.platform.registry.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import credit.platform.identifiers.Identifier;
import credit.platform.identifiers.IdentifierScheme;
import credit.platform.identifiers.Identifiers;
import credit.platform.identifiers.SyntheticIdentifiers;
import credit.platform.registry.subject.domain.NewSubject;
import credit.platform.registry.subject.domain.SubjectKind;
import credit.platform.registry.subject.domain.SubjectService;
import credit.platform.testsupport.GrpcTestCalls;
import credit.platform.testsupport.MongoTestServer;
import credit.platform.testsupport.TestHttp;
import credit.platform.testsupport.TestTokens;
import credit.registry.v1.ListRelationshipsRequest;
import credit.registry.v1.RegistryServiceGrpc;
import credit.registry.v1.RelationshipDirection;
import credit.registry.v1.RelationshipType;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * The registry's flows in one Spring Boot app with the embedded Mongo server and a fixed clock
 * (2026-11-26): registrar override, uniqueness under concurrency, identifier binding, optimistic
 * locking and history, relationships as of a day both ways (REST and gRPC), permits, bulk import.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegistryFlowsTest {

    static final TestTokens TOKENS = new TestTokens();
    static final int GRPC_PORT = TestHttp.freePort();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Instant NOW = Instant.parse("2026-11-26T04:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    static ManagedChannel channel;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        MongoTestServer.register(registry, "registry-flows-test");
        registry.add("spring.grpc.server.port", () -> GRPC_PORT);
        registry.add("spring.grpc.server.address", () -> "127.0.0.1");
    }

    @TestConfiguration
    static class Fixtures {
        @Bean
        JwtDecoder jwtDecoder() {
            return TOKENS.jwtDecoder();
        }

        @Bean
        @org.springframework.context.annotation.Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    SubjectService subjects;

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

    static String residentId(long seed) {
        return SyntheticIdentifiers.residentId(new SplittableRandom(seed), LocalDate.of(2000, 1, 1));
    }

    static String uscc(long seed) {
        return SyntheticIdentifiers.uscc(new SplittableRandom(seed));
    }

    JsonNode create(String token, String json) {
        TestHttp.Response r = http.post("/api/v1/subjects", token, json);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body());
    }

    String person(String residentId, String name) {
        return create(registrar(), """
                {"kind":"PERSON","identifiers":[{"scheme":"RESIDENT_ID","value":"%s"}],"name":"%s"}
                """.formatted(residentId, name)).get("id").asString();
    }

    String company(String uscc, String name) {
        return create(registrar(), """
                {"kind":"LEGAL_ENTITY","identifiers":[{"scheme":"USCC","value":"%s"}],"name":"%s"}
                """.formatted(uscc, name)).get("id").asString();
    }

    long count(String collection) {
        return mongo.getCollection(collection).countDocuments();
    }

    // ---- identifiers and the registrar override ---------------------------------------------------

    @Test
    void legacyFifteenDigitResidentIdIsStoredAsItsEighteenCharacterForm() {
        JsonNode s = create(registrar(), """
                {"kind":"PERSON","identifiers":[{"scheme":"RESIDENT_ID","value":"110105491231002"}],"name":"张三"}
                """);
        assertThat(s.get("identifiers").get(0).get("value").asString()).isEqualTo("11010519491231002X");
        assertThat(http.get("/api/v1/subjects/lookup?scheme=RESIDENT_ID&value=110105491231002", registrar()).status())
                .isEqualTo(200);
    }

    @Test
    void authorisedRegistrarsOverrideRecordsAFailingUsccAndFlagsTheSubjectForReview() {
        JsonNode s = create(registrar(), """
                {"kind":"LEGAL_ENTITY","identifiers":[{"scheme":"USCC","value":"91350200776049653B","override":true}],"name":"试点公司"}
                """);
        assertThat(s.get("flaggedForReview").asBoolean()).isTrue();
        assertThat(s.get("identifiers").get(0).get("override").asBoolean()).isTrue();

        TestHttp.Response reviewed = http.post("/api/v1/subjects/" + s.get("id").asString() + "/review", registrar(),
                "{\"expectedVersion\":1}");
        assertThat(JSON.readTree(reviewed.body()).get("flaggedForReview").asBoolean()).isFalse();
        assertThat(JSON.readTree(reviewed.body()).get("version").asLong()).isEqualTo(2);
    }

    @Test
    void failingUsccWithoutOverrideOrFromAnUnauthorisedClientIsRejectedAndWritesNothing() {
        TestHttp.Response noOverride = http.post("/api/v1/subjects", registrar(), """
                {"kind":"LEGAL_ENTITY","identifiers":[{"scheme":"USCC","value":"91350200776049653B"}],"name":"试点公司"}
                """);
        assertThat(noOverride.status()).isEqualTo(400);
        assertThat(noOverride.body()).contains("check character is B, expected A");

        String court = TOKENS.token("court-demo", "registry.read registry.write");
        TestHttp.Response notAllowed = http.post("/api/v1/subjects", court, """
                {"kind":"LEGAL_ENTITY","identifiers":[{"scheme":"USCC","value":"91350200776049653B","override":true}],"name":"试点公司"}
                """);
        assertThat(notAllowed.status()).isEqualTo(400);
        JsonNode error = JSON.readTree(notAllowed.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("identifiers[0].override");
        assertThat(error.get("rule").asString()).isEqualTo("override-not-authorised");
        assertThat(count("subjects")).isZero();
        assertThat(count("identifier_claims")).isZero();
        assertThat(count("subject_history")).isZero();
    }

    @Test
    void concurrentRegistrationsOfOneIdentifierCreateExactlyOneSubject() throws Exception {
        Identifier id = Identifiers.parse(IdentifierScheme.RESIDENT_ID, residentId(7), null, TODAY);
        int threads = 16;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            tasks.add(() -> {
                start.await();
                try {
                    return subjects.register(new NewSubject(SubjectKind.PERSON, List.of(id), "并发", "", ""), "test");
                } catch (RuntimeException e) {
                    return e;
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Object>> results = tasks.stream().map(pool::submit).toList();
        start.countDown();
        long created = 0;
        for (Future<Object> f : results) {
            if (f.get() instanceof credit.platform.registry.subject.domain.Subject) {
                created++;
            } else {
                assertThat(f.get()).isInstanceOf(credit.platform.registry.subject.domain.IdentifierTakenException.class);
            }
        }
        pool.shutdown();
        assertThat(created).isEqualTo(1);
        assertThat(count("subjects")).isEqualTo(1);
        assertThat(count("identifier_claims")).isEqualTo(1);
    }

    // ---- changes: binding, optimistic locking, history -------------------------------------------

    @Test
    void passportBoundToAPersonResolvesToTheSameSubjectAndTheChangeIsInTheHistory() {
        String id = person(residentId(1), "李四");
        TestHttp.Response bound = http.post("/api/v1/subjects/" + id + "/identifiers", registrar(),
                "{\"scheme\":\"PASSPORT\",\"value\":\"E1234-5678\",\"issuingCountry\":\"CHN\",\"expectedVersion\":1}");
        assertThat(bound.status()).as(bound.body()).isEqualTo(200);
        assertThat(JSON.readTree(bound.body()).get("version").asLong()).isEqualTo(2);

        TestHttp.Response byPassport = http.get(
                "/api/v1/subjects/lookup?scheme=PASSPORT&value=E12345678&issuingCountry=CHN", registrar());
        assertThat(JSON.readTree(byPassport.body()).get("id").asString()).isEqualTo(id);

        JsonNode history = JSON.readTree(http.get("/api/v1/subjects/" + id + "/history", registrar()).body());
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("change").asString()).isEqualTo("CREATED");
        assertThat(history.get(1).get("change").asString()).isEqualTo("IDENTIFIER_ADDED");
        assertThat(history.get(1).get("actor").asString()).isEqualTo("registrar-demo");
        assertThat(history.get(1).get("after").get("identifiers")).hasSize(2);
    }

    @Test
    void changeBasedOnAStaleVersionIsAConflictAndWritesNothing() {
        String id = person(residentId(2), "王五");
        assertThat(http.post("/api/v1/subjects/" + id + "/status", registrar(),
                "{\"status\":\"DECEASED\",\"date\":\"2026-10-01\",\"expectedVersion\":1}").status()).isEqualTo(200);

        TestHttp.Response stale = http.post("/api/v1/subjects/" + id + "/identifiers", registrar(),
                "{\"scheme\":\"PASSPORT\",\"value\":\"E7654321\",\"issuingCountry\":\"CHN\",\"expectedVersion\":1}");

        assertThat(stale.status()).isEqualTo(409);
        assertThat(JSON.readTree(stale.body()).get("currentVersion").asLong()).isEqualTo(2);
        JsonNode subject = JSON.readTree(http.get("/api/v1/subjects/" + id, registrar()).body());
        assertThat(subject.get("identifiers")).hasSize(1);
        assertThat(subject.get("status").asString()).isEqualTo("DECEASED");
        assertThat(subject.get("statusDate").asString()).isEqualTo("2026-10-01");
        assertThat(count("identifier_claims")).isEqualTo(1);
        assertThat(count("subject_history")).isEqualTo(2);
    }

    @Test
    void companyCannotBeDeceasedAndFutureDatesAreRejected() {
        String company = company(uscc(3), "某公司");
        TestHttp.Response r = http.post("/api/v1/subjects/" + company + "/status", registrar(),
                "{\"status\":\"DECEASED\",\"date\":\"2026-10-01\",\"expectedVersion\":1}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("status-for-kind");
        assertThat(http.post("/api/v1/subjects/" + company + "/status", registrar(),
                "{\"status\":\"DEREGISTERED\",\"date\":\"2027-01-01\",\"expectedVersion\":1}").body()).contains("not-in-future");
        assertThat(JSON.readTree(http.get("/api/v1/subjects/" + company, registrar()).body()).get("version").asLong())
                .isEqualTo(1);
    }

    // ---- relationships --------------------------------------------------------------------------

    @Test
    void grpcAllPeriodsNamesPastCurrentAndFutureRoleHoldersIncludingDirectlyResponsiblePersons() {
        String company = company(uscc(30), "远景贸易有限公司");
        String past = person(residentId(31), "孙七");
        String future = person(residentId(32), "周八");
        String responsible = person(residentId(33), "吴九");
        relate(past, company, "LEGAL_REPRESENTATIVE", "2015-03-01", "2022-06-30", 201);
        relate(future, company, "LEGAL_REPRESENTATIVE", "2099-01-01", null, 201);
        relate(responsible, company, "DIRECTLY_RESPONSIBLE_PERSON", "2020-01-01", null, 201);

        var stub = credit.registry.v1.RegistryServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(credit.platform.testsupport.GrpcTestCalls.bearer(service()));
        var request = credit.registry.v1.ListRelationshipsRequest.newBuilder().setSubjectId(company)
                .setDirection(credit.registry.v1.RelationshipDirection.RELATIONSHIP_DIRECTION_INCOMING);
        assertThat(stub.listRelationships(request.build()).getRelationshipsList())
                .extracting(credit.registry.v1.Relationship::getFromSubjectId).containsExactly(responsible);
        var all = stub.listRelationships(request.setAllPeriods(true).build()).getRelationshipsList();
        assertThat(all).extracting(credit.registry.v1.Relationship::getFromSubjectId)
                .containsExactly(past, responsible, future);
        assertThat(all.get(2).getValidFrom().getSeconds())
                .isEqualTo(java.time.Instant.parse("2098-12-31T16:00:00Z").getEpochSecond());
        assertThat(all.get(1).getType())
                .isEqualTo(credit.registry.v1.RelationshipType.RELATIONSHIP_TYPE_DIRECTLY_RESPONSIBLE_PERSON);
    }

    @Test
    void legalRepresentativeAsOfADayAndCompaniesOfAPersonAreQueryableBothWays() {
        String company = company(uscc(10), "华信科技有限公司");
        String first = person(residentId(11), "赵一");
        String second = person(residentId(12), "钱二");
        relate(first, company, "LEGAL_REPRESENTATIVE", "2015-03-01", "2022-06-30", 201);
        relate(second, company, "LEGAL_REPRESENTATIVE", "2022-07-01", null, 201);

        assertThat(repsOf(company, "2020-01-01")).containsExactly(first);
        assertThat(repsOf(company, "2022-06-30")).containsExactly(first);
        assertThat(repsOf(company, "2022-07-01")).containsExactly(second);
        assertThat(repsOf(company, "2014-12-31")).isEmpty();
        assertThat(repsOf(company, null)).containsExactly(second);

        JsonNode companiesOfFirst = JSON.readTree(http.get("/api/v1/subjects/" + first
                + "/relationships?direction=OUTGOING&type=LEGAL_REPRESENTATIVE&asOf=2020-01-01", registrar()).body());
        assertThat(companiesOfFirst).hasSize(1);
        assertThat(companiesOfFirst.get(0).get("toSubjectId").asString()).isEqualTo(company);
        assertThat(JSON.readTree(http.get("/api/v1/subjects/" + first
                + "/relationships?direction=OUTGOING&type=LEGAL_REPRESENTATIVE", registrar()).body())).isEmpty();
        assertThat(JSON.readTree(http.get("/api/v1/subjects/" + company + "/relationships?all=true", registrar())
                .body())).hasSize(2);
    }

    @Test
    void grpcListRelationshipsAnswersAsOfAnInstantInEitherDirection() {
        String company = company(uscc(20), "宏达贸易有限公司");
        String rep = person(residentId(21), "孙三");
        String holder = person(residentId(22), "周四");
        relate(rep, company, "LEGAL_REPRESENTATIVE", "2020-01-01", "2024-12-31", 201);
        relate(holder, company, "SHAREHOLDER", "2020-01-01", null, 201, 6000);
        var stub = RegistryServiceGrpc.newBlockingStub(channel).withCallCredentials(GrpcTestCalls.bearer(service()));

        var in2023 = stub.listRelationships(ListRelationshipsRequest.newBuilder().setSubjectId(company)
                .setDirection(RelationshipDirection.RELATIONSHIP_DIRECTION_INCOMING)
                .addTypes(RelationshipType.RELATIONSHIP_TYPE_LEGAL_REPRESENTATIVE)
                .setAsOf(at("2023-06-01")).build());
        assertThat(in2023.getRelationshipsList()).singleElement().satisfies(r -> {
            assertThat(r.getFromSubjectId()).isEqualTo(rep);
            assertThat(r.getValidUntil()).isEqualTo(at("2025-01-01"));
        });
        var now = stub.listRelationships(ListRelationshipsRequest.newBuilder().setSubjectId(company).build());
        assertThat(now.getRelationshipsList()).singleElement().satisfies(r -> {
            assertThat(r.getType()).isEqualTo(RelationshipType.RELATIONSHIP_TYPE_SHAREHOLDER);
            assertThat(r.getShareBasisPoints()).isEqualTo(6000);
        });
        var ofRep = stub.listRelationships(ListRelationshipsRequest.newBuilder().setSubjectId(rep)
                .setDirection(RelationshipDirection.RELATIONSHIP_DIRECTION_OUTGOING).setAsOf(at("2024-12-31")).build());
        assertThat(ofRep.getRelationshipsList()).extracting(r -> r.getToSubjectId()).containsExactly(company);
    }

    @Test
    void recordingAndEndingARoleAnnouncesBothPartiesOnTheChangeFeedAndARejectedOneAnnouncesNothing() {
        String company = company(uscc(33), "恒信建材有限公司");
        String rep = person(residentId(34), "钱七");
        String other = person(residentId(35), "冯八");
        long before = lastChange();

        relate(rep, company, "LEGAL_REPRESENTATIVE", "2020-01-01", null, 201);
        assertThat(subjects.changesAfter(before, 100)).extracting(c -> c.subjectId()).containsExactly(rep, company);

        long afterRecord = lastChange();
        assertThat(postRelationship(other, company, "LEGAL_REPRESENTATIVE", "2021-01-01", null, null).status())
                .isEqualTo(409);
        assertThat(subjects.changesAfter(afterRecord, 100)).as("a rejected role announces nothing").isEmpty();

        String relationshipId = JSON.readTree(http.get("/api/v1/subjects/" + company + "/relationships", registrar())
                .body()).get(0).get("id").asString();
        TestHttp.Response ended = http.post("/api/v1/subjects/" + company + "/relationships/" + relationshipId + "/end",
                registrar(), "{\"validTo\":\"2026-11-25\"}");
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(subjects.changesAfter(afterRecord, 100)).extracting(c -> c.subjectId()).containsExactly(rep, company);
    }

    long lastChange() {
        List<credit.platform.registry.subject.domain.SubjectRepository.SubjectChange> all = subjects.changesAfter(0, 100_000);
        return all.isEmpty() ? 0 : all.getLast().sequence();
    }

    @Test
    void overlappingLegalRepresentativesAndInvalidRelationshipsAreRejectedAndWriteNothing() {
        String company = company(uscc(30), "新源物流有限公司");
        String a = person(residentId(31), "吴五");
        String b = person(residentId(32), "郑六");
        relate(a, company, "LEGAL_REPRESENTATIVE", "2020-01-01", null, 201);

        TestHttp.Response overlap = postRelationship(b, company, "LEGAL_REPRESENTATIVE", "2023-01-01", null, null);
        assertThat(overlap.status()).isEqualTo(409);
        TestHttp.Response companyAsRep = postRelationship(company, a, "LEGAL_REPRESENTATIVE", "2023-01-01", null, null);
        assertThat(companyAsRep.status()).isEqualTo(400);
        assertThat(companyAsRep.body()).contains("fromSubjectId").contains("toSubjectId");
        TestHttp.Response badShare = postRelationship(b, company, "SHAREHOLDER", "2023-01-01", null, 12000);
        assertThat(badShare.body()).contains("1 to 10000 basis points, not 12000");
        TestHttp.Response backwards = postRelationship(b, company, "SHAREHOLDER", "2023-01-01", "2022-01-01", 100);
        assertThat(backwards.body()).contains("after-valid-from");
        assertThat(count("relationships")).isEqualTo(1);

        // The same relationship posted again is not a second one.
        assertThat(postRelationship(a, company, "LEGAL_REPRESENTATIVE", "2020-01-01", null, null).status()).isEqualTo(200);
        assertThat(count("relationships")).isEqualTo(1);
    }

    @Test
    void grpcBatchResolveAnswersInRequestOrderAndTheChangeFeedReplaysEveryChange() {
        String a = person(residentId(80), "甲");
        String b = company(uscc(81), "乙公司");
        http.post("/api/v1/subjects/" + a + "/status", registrar(),
                "{\"status\":\"DECEASED\",\"date\":\"2026-01-01\",\"expectedVersion\":1}");
        var stub = RegistryServiceGrpc.newBlockingStub(channel).withCallCredentials(GrpcTestCalls.bearer(service()));

        var batch = stub.batchResolveIdentifiers(credit.registry.v1.BatchResolveIdentifiersRequest.newBuilder()
                .addIdentifiers(grpcId(credit.common.v1.IdentifierScheme.IDENTIFIER_SCHEME_USCC, uscc(81)))
                .addIdentifiers(grpcId(credit.common.v1.IdentifierScheme.IDENTIFIER_SCHEME_RESIDENT_ID, residentId(82)))
                .addIdentifiers(grpcId(credit.common.v1.IdentifierScheme.IDENTIFIER_SCHEME_RESIDENT_ID, residentId(80)))
                .build());
        assertThat(batch.getResultsList()).extracting(r -> r.hasSubject() ? r.getSubject().getSubjectId() : "")
                .containsExactly(b, "", a);

        // a registered, b registered, a's status changed: watching after the first sees the other two
        long first = subjects.changesAfter(0, 1).getFirst().sequence();
        var changes = stub.withDeadlineAfter(3, java.util.concurrent.TimeUnit.SECONDS).watchSubjectChanges(
                credit.registry.v1.WatchSubjectChangesRequest.newBuilder().setFromSequence(first).build());
        List<Long> sequences = new ArrayList<>();
        List<String> subjectIds = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            var change = changes.next();
            sequences.add(change.getSequence());
            subjectIds.add(change.getSubjectId());
        }
        assertThat(sequences).containsExactly(first + 1, first + 2);
        assertThat(subjectIds).containsExactly(b, a);
    }

    static credit.common.v1.Identifier grpcId(credit.common.v1.IdentifierScheme scheme, String value) {
        return credit.common.v1.Identifier.newBuilder().setScheme(scheme).setValue(value).build();
    }

    // ---- permits ------------------------------------------------------------------------------------

    @Test
    void permitPastItsLastDayIsReportedExpired() {
        String company = company(uscc(40), "瑞丰餐饮有限公司");
        assertThat(http.post("/api/v1/subjects/" + company + "/permits", registrar(), """
                {"type":"食品经营许可证","issuer":"市场监督管理局","number":"JY1","validFrom":"2020-01-01","validTo":"2026-11-25"}
                """).status()).isEqualTo(201);
        assertThat(http.post("/api/v1/subjects/" + company + "/permits", registrar(), """
                {"type":"排污许可证","issuer":"生态环境局","number":"PW2","validFrom":"2020-01-01","validTo":"2026-11-26"}
                """).status()).isEqualTo(201);

        JsonNode all = JSON.readTree(http.get("/api/v1/subjects/" + company + "/permits", registrar()).body());
        assertThat(all).hasSize(2);
        JsonNode expired = JSON.readTree(http.get("/api/v1/subjects/" + company + "/permits?expired=true", registrar()).body());
        assertThat(expired).singleElement().satisfies(p -> {
            assertThat(p.get("number").asString()).isEqualTo("JY1");
            assertThat(p.get("status").asString()).isEqualTo("EXPIRED");
        });
        TestHttp.Response invalid = http.post("/api/v1/subjects/" + company + "/permits", registrar(),
                "{\"type\":\"x\",\"validFrom\":\"2020-01-01\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("issuer").contains("number");
        assertThat(count("permits")).isEqualTo(2);
    }

    @Test
    void grpcListPermitsAnswersEveryPermitWithItsTermAndTheChangeFeedAnnouncesEachRecordedPermit() {
        String company = company(uscc(41), "瑞丰餐饮有限公司");
        var stub = RegistryServiceGrpc.newBlockingStub(channel).withCallCredentials(GrpcTestCalls.bearer(service()));
        long before = subjects.changesAfter(0, 1000).size();
        http.post("/api/v1/subjects/" + company + "/permits", registrar(), """
                {"type":"food-business-licence","issuer":"市场监督管理局","number":"JY1","validFrom":"2020-01-01","validTo":"2026-11-25"}
                """);
        http.post("/api/v1/subjects/" + company + "/permits", registrar(), """
                {"type":"pollutant-discharge-permit","issuer":"生态环境局","number":"PW2","validFrom":"2020-01-01"}
                """);

        var permits = stub.listPermits(credit.registry.v1.ListPermitsRequest.newBuilder().setSubjectId(company).build())
                .getPermitsList();

        assertThat(permits).extracting(credit.registry.v1.Permit::getNumber).containsExactlyInAnyOrder("JY1", "PW2");
        var lapsed = permits.stream().filter(p -> p.getNumber().equals("JY1")).findFirst().orElseThrow();
        assertThat(lapsed.getType()).isEqualTo("food-business-licence");
        assertThat(lapsed.getIssuingAuthority()).isEqualTo("市场监督管理局");
        assertThat(lapsed.getStatus()).isEqualTo(credit.registry.v1.PermitStatus.PERMIT_STATUS_VALID);
        assertThat(lapsed.getExpired()).isTrue();
        // valid_until is the start of the day after the last valid day, Asia/Shanghai
        assertThat(lapsed.getValidUntil().getSeconds())
                .isEqualTo(LocalDate.of(2026, 11, 26).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toEpochSecond());
        var open = permits.stream().filter(p -> p.getNumber().equals("PW2")).findFirst().orElseThrow();
        assertThat(open.hasValidUntil()).isFalse();
        assertThat(open.getExpired()).isFalse();

        var changes = subjects.changesAfter(0, 1000);
        assertThat(changes).hasSize((int) before + 2);
        assertThat(changes.subList((int) before, changes.size())).allSatisfy(c -> {
            assertThat(c.subjectId()).isEqualTo(company);
            assertThat(c.kind()).isEqualTo(credit.platform.registry.subject.domain.SubjectRepository.ChangeKind.PERMIT);
        }).extracting(c -> c.permitId()).containsExactlyInAnyOrder(lapsed.getPermitId(), open.getPermitId());
        var streamed = stub.withDeadlineAfter(3, java.util.concurrent.TimeUnit.SECONDS).watchSubjectChanges(
                credit.registry.v1.WatchSubjectChangesRequest.newBuilder().setFromSequence(changes.getLast().sequence() - 1)
                        .build()).next();
        assertThat(streamed.getKind()).isEqualTo(credit.registry.v1.SubjectChangeKind.SUBJECT_CHANGE_KIND_PERMIT);
        assertThat(streamed.getPermitId()).isEqualTo(open.getPermitId());
    }

    @Test
    void grpcListPermitsOfAnUnknownSubjectIsNotFoundAndNeedsTheReadScope() {
        var stub = RegistryServiceGrpc.newBlockingStub(channel).withCallCredentials(GrpcTestCalls.bearer(service()));
        var request = credit.registry.v1.ListPermitsRequest.newBuilder().setSubjectId("no-such-subject").build();
        assertThat(GrpcTestCalls.failureOf(() -> stub.listPermits(request)).getStatus().getCode())
                .isEqualTo(io.grpc.Status.Code.NOT_FOUND);
        var airline = RegistryServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(GrpcTestCalls.bearer(TOKENS.token("airline-demo", "travel.check")));
        assertThat(GrpcTestCalls.failureOf(() -> airline.listPermits(request)).getStatus().getCode())
                .isEqualTo(io.grpc.Status.Code.PERMISSION_DENIED);
        // an agency's or the registrar's token holds registry.read but not the service identity
        for (String outsider : java.util.List.of(registrar(), TOKENS.token("court-demo", "registry.read lists.read"),
                TOKENS.token("platform-admin", "platform.admin registry.read"))) {
            var stubOfOutsider = RegistryServiceGrpc.newBlockingStub(channel)
                    .withCallCredentials(GrpcTestCalls.bearer(outsider));
            assertThat(GrpcTestCalls.failureOf(() -> stubOfOutsider.listPermits(request)).getStatus().getCode())
                    .isEqualTo(io.grpc.Status.Code.PERMISSION_DENIED);
        }
    }

    // ---- bulk import ---------------------------------------------------------------------------------

    @Test
    void importingTheSameNdjsonTwiceCreatesNothingNewAndReportsEveryBadLine() {
        String person = residentId(50);
        String company = uscc(51);
        String file = String.join("\n",
                "{\"kind\":\"PERSON\",\"identifiers\":[{\"scheme\":\"RESIDENT_ID\",\"value\":\"" + person + "\"}],\"name\":\"冯七\"}",
                "{\"kind\":\"LEGAL_ENTITY\",\"identifiers\":[{\"scheme\":\"USCC\",\"value\":\"" + company + "\"}],\"name\":\"联创公司\"}",
                "{\"kind\":\"PERSON\",\"identifiers\":[{\"scheme\":\"RESIDENT_ID\",\"value\":\"110105194912310021\"}],\"name\":\"坏\"}",
                "not json",
                "",
                "{\"record\":\"relationship\",\"type\":\"LEGAL_REPRESENTATIVE\",\"from\":{\"scheme\":\"RESIDENT_ID\",\"value\":\""
                        + person + "\"},\"to\":{\"scheme\":\"USCC\",\"value\":\"" + company + "\"},\"validFrom\":\"2021-01-01\"}",
                "{\"record\":\"permit\",\"holder\":{\"scheme\":\"USCC\",\"value\":\"" + company
                        + "\"},\"type\":\"许可证\",\"issuer\":\"某局\",\"number\":\"N1\",\"validFrom\":\"2021-01-01\",\"validTo\":\"2022-01-01\"}",
                "{\"record\":\"relationship\",\"type\":\"SHAREHOLDER\",\"from\":{\"scheme\":\"RESIDENT_ID\",\"value\":\""
                        + residentId(99) + "\"},\"to\":{\"scheme\":\"USCC\",\"value\":\"" + company + "\"},\"validFrom\":\"2021-01-01\",\"shareBasisPoints\":100}");

        JsonNode first = JSON.readTree(http.post("/api/v1/subjects/imports?format=ndjson&importId=run-1", registrar(), file).body());
        assertThat(first.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(first.get("lines").asLong()).isEqualTo(7);
        assertThat(first.get("created").asLong()).isEqualTo(4);
        assertThat(first.get("rejected").asLong()).isEqualTo(3);

        JsonNode errors = JSON.readTree(http.get("/api/v1/subjects/imports/run-1/errors", registrar()).body()).get("errors");
        assertThat(errors).extracting(e -> e.get("line").asLong()).containsExactly(3L, 4L, 8L);
        assertThat(errors.get(0).get("message").asString()).isEqualTo("check character is 1, expected X");
        assertThat(errors.get(2).get("rule").asString()).isEqualTo("subject-exists");
        assertThat(errors.toString()).doesNotContain(person);

        long subjectsAfterFirst = count("subjects");
        JsonNode second = JSON.readTree(http.post("/api/v1/subjects/imports?format=ndjson&importId=run-2", registrar(), file).body());
        assertThat(second.get("created").asLong()).isZero();
        assertThat(second.get("existing").asLong()).isEqualTo(4);
        assertThat(count("subjects")).isEqualTo(subjectsAfterFirst).isEqualTo(2);
        assertThat(count("relationships")).isEqualTo(1);
        assertThat(count("permits")).isEqualTo(1);

        JsonNode progress = JSON.readTree(http.get("/api/v1/subjects/imports/run-2", registrar()).body());
        assertThat(progress.get("existing").asLong()).isEqualTo(4);
        assertThat(http.post("/api/v1/subjects/imports?format=ndjson&importId=run-2", registrar(), file).status())
                .isEqualTo(400);
    }

    @Test
    void csvImportNeedsItsHeaderAndRegistersEachRow() {
        String csv = "kind,scheme,value,issuingCountry,name,latinName,registrationRegion\n"
                + "PERSON,RESIDENT_ID," + residentId(60) + ",,\"褚, 八\",CHU Ba,110105\n"
                + "PERSON,PASSPORT,E99887766,XXX,外国人,,\n";
        JsonNode summary = JSON.readTree(http.post("/api/v1/subjects/imports?format=csv", registrar(), csv).body());
        assertThat(summary.get("created").asLong()).isEqualTo(1);
        assertThat(summary.get("rejected").asLong()).isEqualTo(1);
        JsonNode errors = JSON.readTree(http.get("/api/v1/subjects/imports/" + summary.get("id").asString() + "/errors",
                registrar()).body()).get("errors");
        assertThat(errors.get(0).get("field").asString()).isEqualTo("identifiers[0].issuingCountry");

        JsonNode noHeader = JSON.readTree(http.post("/api/v1/subjects/imports?format=csv", registrar(),
                "PERSON,RESIDENT_ID," + residentId(61) + ",,某,,\n").body());
        assertThat(noHeader.get("created").asLong()).isZero();
        assertThat(noHeader.get("rejected").asLong()).isEqualTo(1);
    }

    @Test
    void jsonArrayImportIsReadElementByElement() {
        String body = "[{\"kind\":\"PERSON\",\"identifiers\":[{\"scheme\":\"RESIDENT_ID\",\"value\":\"" + residentId(70)
                + "\"}],\"name\":\"卫九\"},{\"kind\":\"ROBOT\",\"identifiers\":[],\"name\":\"x\"}]";
        JsonNode summary = JSON.readTree(http.post("/api/v1/subjects/imports?format=json&importId=arr", registrar(), body).body());
        assertThat(summary.get("created").asLong()).isEqualTo(1);
        assertThat(summary.get("rejected").asLong()).isEqualTo(1);
        JsonNode errors = JSON.readTree(http.get("/api/v1/subjects/imports/arr/errors", registrar()).body()).get("errors");
        assertThat(errors).extracting(e -> e.get("field").asString()).containsExactly("identifiers", "kind");
        assertThat(errors).extracting(e -> e.get("line").asLong()).containsOnly(2L);
    }

    @Test
    void importNeedsTheWriteScope() {
        String reader = TOKENS.token("airline-demo", "registry.read");
        assertThat(http.post("/api/v1/subjects/imports?format=ndjson", reader, "{}").status()).isEqualTo(403);
        assertThat(count("imports")).isZero();
    }

    // ---- helpers ------------------------------------------------------------------------------------

    void relate(String from, String to, String type, String validFrom, String validTo, int status) {
        relate(from, to, type, validFrom, validTo, status, null);
    }

    void relate(String from, String to, String type, String validFrom, String validTo, int status, Integer share) {
        TestHttp.Response r = postRelationship(from, to, type, validFrom, validTo, share);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
    }

    TestHttp.Response postRelationship(String from, String to, String type, String validFrom, String validTo, Integer share) {
        return http.post("/api/v1/subjects/" + from + "/relationships", registrar(),
                "{\"type\":\"%s\",\"toSubjectId\":\"%s\",\"validFrom\":\"%s\",\"validTo\":%s,\"shareBasisPoints\":%s}"
                        .formatted(type, to, validFrom, validTo == null ? "null" : "\"" + validTo + "\"", share));
    }

    List<String> repsOf(String company, String asOf) {
        JsonNode list = JSON.readTree(http.get("/api/v1/subjects/" + company
                + "/relationships?direction=INCOMING&type=LEGAL_REPRESENTATIVE" + (asOf == null ? "" : "&asOf=" + asOf),
                registrar()).body());
        List<String> ids = new ArrayList<>();
        list.forEach(r -> ids.add(r.get("fromSubjectId").asString()));
        return ids;
    }

    static Timestamp at(String day) {
        Instant i = LocalDate.parse(day).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant();
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).build();
    }
}
