package credit.platform.scoring.score.adapter;

import credit.platform.testsupport.GrpcTestCalls;

import credit.platform.testsupport.FakeGrpcServer;
import credit.platform.testsupport.FixedServiceTokenSource;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import credit.common.v1.SubjectKind;
import credit.lists.v1.ChangeType;
import credit.lists.v1.ListKind;
import credit.lists.v1.ListRecord;
import credit.lists.v1.RecordStatus;
import credit.platform.common.grpc.ServiceTokenSource;
import credit.platform.testsupport.MongoTestServer;
import credit.platform.testsupport.TestHttp;
import credit.platform.testsupport.TestTokens;
import credit.registry.v1.RelationshipType;
import credit.scoring.v1.ScoringServiceGrpc;
import credit.scoring.v1.WatchGradeChangesRequest;
import credit.scoring.v1.WatchGradeChangesResponse;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.bson.Document;
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
 * The change feed end to end in one app: {@link FakeListsService} (Snapshot + Watch) and
 * {@link FakeRegistryService} (subjects, relationships) stand in for the real services, which the
 * system tests run. A court record about a person arrives on the feed → the person and the company
 * they legally represent are recomputed, stored with the cause, their grade changes emitted, the
 * sequence saved; a dropped stream is reopened from the saved sequence.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ChangeFeedTest {

    static final TestTokens TOKENS = new TestTokens();
    static final String SERVICE_TOKEN = TOKENS.token("credit-services", "registry.read lists.read platform.internal");
    /** Sanctions follows the grade feed as the service identity (scoring's RPCs are service_only). */
    static final String SERVICE_TOKEN_WITH_SCORES = TOKENS.token("credit-services", "scoring.read platform.internal");
    static final FakeRegistryService REGISTRY = new FakeRegistryService();
    static final FakeListsService LISTS = new FakeListsService();
    static final int REGISTRY_PORT = new FakeGrpcServer(REGISTRY).port();
    static final int LISTS_PORT = new FakeGrpcServer(LISTS).port();
    static final int GRPC_PORT = TestHttp.freePort();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PERSON = "feed-person-1";
    static final String COMPANY = "feed-company-1";
    static final String RESTAURANT = "feed-company-2";

    static {
        REGISTRY.subjects.put(PERSON, SubjectKind.SUBJECT_KIND_PERSON);
        REGISTRY.subjects.put(COMPANY, SubjectKind.SUBJECT_KIND_LEGAL_ENTITY);
        REGISTRY.relate(PERSON, RelationshipType.RELATIONSHIP_TYPE_LEGAL_REPRESENTATIVE, COMPANY);
        REGISTRY.subjects.put(RESTAURANT, SubjectKind.SUBJECT_KIND_LEGAL_ENTITY);
        REGISTRY.serveWatch = true;
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        MongoTestServer.register(registry, "scoring-feed-test");
        registry.add("spring.grpc.server.port", () -> GRPC_PORT);
        registry.add("spring.grpc.server.address", () -> "127.0.0.1");
        registry.add("spring.grpc.client.channel.registry.target", () -> "static://127.0.0.1:" + REGISTRY_PORT);
        registry.add("spring.grpc.client.channel.lists.target", () -> "static://127.0.0.1:" + LISTS_PORT);
        registry.add("credit.scoring.follow-changes", () -> "true");
        registry.add("credit.scoring.feed-max-backoff", () -> "300ms");
    }

    @TestConfiguration
    static class TestBeans {
        @Bean
        JwtDecoder jwtDecoder() {
            return TOKENS.jwtDecoder();
        }

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
    io.micrometer.core.instrument.MeterRegistry meters;

    /** What the scraper sees of scoring's position on a feed (tagged with the writer's log name). */
    double position(String feedLog) {
        return meters.get("scoring.feed.position").tag("feed", feedLog).gauge().value();
    }

    static ListRecord courtRecord(String id, String subjectId) {
        return ListRecord.newBuilder().setRecordId(id).setListId("spc-dishonest-debtors")
                .setListKind(ListKind.LIST_KIND_BLACK).setSubjectId(subjectId).setIssuingAuthority("SPC")
                .setStatus(RecordStatus.RECORD_STATUS_ACTIVE)
                .setEffectiveFrom(Timestamp.newBuilder().setSeconds(Instant.now().minusSeconds(60).getEpochSecond()))
                .build();
    }

    Long checkpoint() {
        Document d = mongo.getCollection("feed_checkpoints").find(new Document("_id", "lists")).first();
        return d == null ? null : ((Number) d.get("sequence")).longValue();
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void courtListingAPersonLowersThePersonAndTheirCompanyWithTheRecordNamedAndResumesAfterADrop()
            throws Exception {
        TestHttp http = new TestHttp("http://localhost:" + port);
        String reader = TOKENS.token("credit-web", "scoring.read");
        await("the snapshot", () -> checkpoint() != null && checkpoint() == 0);
        JsonNode before = JSON.readTree(http.get("/api/v1/scores/" + COMPANY, reader).body());
        assertThat(before.get("grade").asString()).isEqualTo("A");
        Instant beforeListing = Instant.now();
        Thread.sleep(5);

        ListRecord record = courtRecord("rec-court-1", PERSON);
        LISTS.change(ChangeType.CHANGE_TYPE_CREATED, record, List.of(record));
        await("the sequence of the change", () -> Long.valueOf(1).equals(checkpoint()));

        Document company = mongo.getCollection("score_history").find(new Document("subjectId", COMPANY))
                .sort(new Document("computedAt", -1)).first();
        assertThat(((Number) company.get("points")).longValue()).isEqualTo(900);
        assertThat(company.getString("grade")).isEqualTo("B");
        assertThat(company.getString("cause")).contains("CREATED of list-record:rec-court-1");
        assertThat(company.getList("contributions", Document.class)).singleElement()
                .satisfies(c -> assertThat(c.getString("sourceRef")).isEqualTo("list-record:rec-court-1"));
        Document person = mongo.getCollection("score_history").find(new Document("subjectId", PERSON))
                .sort(new Document("computedAt", -1)).first();
        assertThat(((Number) person.get("points")).longValue()).isEqualTo(950);

        // As of before the listing the company was A; the REST history shows both entries with causes.
        JsonNode asOf = JSON.readTree(http.get("/api/v1/scores/" + COMPANY + "?asOf=" + beforeListing, reader).body());
        assertThat(asOf.get("grade").asString()).isEqualTo("A");
        JsonNode history = JSON.readTree(http.get("/api/v1/scores/" + COMPANY + "/history", reader).body());
        assertThat(history.get("entries")).hasSize(2);
        assertThat(history.get("entries").get(0).get("cause").asString()).contains("rec-court-1");

        // The grade changes are emitted over gRPC, in sequence.
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", GRPC_PORT).usePlaintext().build();
        try {
            Iterator<WatchGradeChangesResponse> stream = ScoringServiceGrpc.newBlockingStub(channel)
                    .withCallCredentials(GrpcTestCalls.bearer(SERVICE_TOKEN_WITH_SCORES))
                    .withDeadlineAfter(5, TimeUnit.SECONDS)
                    .watchGradeChanges(WatchGradeChangesRequest.newBuilder().setFromSequence(0).build());
            List<WatchGradeChangesResponse> seen = new ArrayList<>();
            while (seen.size() < 3) {
                seen.add(stream.next());
            }
            assertThat(seen).extracting(WatchGradeChangesResponse::getSequence).containsExactly(1L, 2L, 3L);
            assertThat(seen).anySatisfy(c -> {
                assertThat(c.getSubjectId()).isEqualTo(COMPANY);
                assertThat(c.getPreviousGrade()).isEqualTo("A");
                assertThat(c.getGrade()).isEqualTo("B");
                assertThat(c.getCause()).contains("rec-court-1");
            });
        } finally {
            channel.shutdownNow();
        }

        // A dropped stream is reopened from the saved sequence: nothing missed, nothing twice.
        LISTS.dropWatchers = true;
        await("a new Watch from sequence 1", () -> LISTS.watchedFrom.contains(1L));
        LISTS.change(ChangeType.CHANGE_TYPE_REMOVED, record.toBuilder().setStatus(RecordStatus.RECORD_STATUS_REMOVED)
                .build(), List.of());
        await("the removal", () -> Long.valueOf(2).equals(checkpoint()));
        assertThat(position("change_log")).as("scoring_feed_position{feed=change_log}").isEqualTo(2.0);
        JsonNode after = JSON.readTree(http.get("/api/v1/scores/" + COMPANY, reader).body());
        assertThat(after.get("grade").asString()).isEqualTo("A");
        assertThat(LISTS.watchedFrom).containsExactly(0L, 1L);
        Thread.sleep(Duration.ofMillis(100));
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void aPermitChangeOnTheRegistryFeedRecomputesTheHolderAndTheExplanationNamesThePermit() throws Exception {
        Instant now = Instant.now();
        REGISTRY.grant(RESTAURANT, credit.registry.v1.Permit.newBuilder().setPermitId("permit-food-1")
                .setSubjectId(RESTAURANT).setType("食品经营许可证").setNumber("JY1").setIssuingAuthority("市场监督管理局")
                .setValidFrom(Timestamp.newBuilder().setSeconds(now.minusSeconds(86_400L * 1000).getEpochSecond()))
                .setValidUntil(Timestamp.newBuilder().setSeconds(now.minusSeconds(86_400L * 5).getEpochSecond()))
                .setStatus(credit.registry.v1.PermitStatus.PERMIT_STATUS_VALID).setExpired(true).build());

        REGISTRY.announcePermit(RESTAURANT, "permit-food-1");
        await("the registry change", () -> {
            Document d = mongo.getCollection("feed_checkpoints").find(new Document("_id", "registry")).first();
            return d != null && ((Number) d.get("sequence")).longValue() == 1;
        });
        assertThat(position("subject_changes")).as("scoring_feed_position{feed=subject_changes}").isEqualTo(1.0);

        Document latest = mongo.getCollection("score_history").find(new Document("subjectId", RESTAURANT))
                .sort(new Document("computedAt", -1)).first();
        assertThat(latest).isNotNull();
        assertThat(latest.getString("cause")).isEqualTo("registry change 1: permit:permit-food-1");
        assertThat(((Number) latest.get("points")).longValue()).isEqualTo(970);
        assertThat(latest.getList("contributions", Document.class)).singleElement().satisfies(c -> {
            assertThat(c.getString("sourceRef")).isEqualTo("permit:permit-food-1");
            assertThat(c.getString("ruleId")).isEqualTo("expired-permit-food");
        });
    }
}
