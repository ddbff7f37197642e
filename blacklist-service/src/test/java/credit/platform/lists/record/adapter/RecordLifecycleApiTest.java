package credit.platform.lists.record.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import credit.lists.v1.ChangeType;
import credit.lists.v1.ListsServiceGrpc;
import credit.lists.v1.RecordStatus;
import credit.lists.v1.WatchRequest;
import credit.lists.v1.WatchResponse;
import credit.platform.lists.record.domain.RecordService;
import credit.platform.lists.support.ListsServiceTest;
import credit.platform.testsupport.TestHttp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Record transitions over REST — removal, extension, expiry — each in the record's history and in
 * the change feed with the record as it is after the change, guarded by optimistic concurrency and
 * agency ownership; and the queries (as of a date, by list, public view). Rejected requests are
 * shown to write nothing by reading back.
 */
class RecordLifecycleApiTest extends ListsServiceTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PERSON_ID = "11010519491231002X";
    static final String USCC = "91350200776049653A";
    static final String SPC = "/api/v1/lists/spc-dishonest-debtors/records";
    static final String PENALTIES = "/api/v1/lists/admin-penalties-general/records";

    @Autowired
    RecordService records;

    JsonNode created(String path, String token, String body) {
        TestHttp.Response response = http.post(path, token, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    JsonNode read(String path, String token) {
        TestHttp.Response response = http.get(path, token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    List<Document> log() {
        List<Document> entries = new ArrayList<>();
        mongo.getCollection("change_log").find().sort(new Document("_id", 1)).forEach(entries::add);
        return entries;
    }

    @Test
    void courtRemovesAPerformedDebtorWithHistoryAndAChangeCarryingTheRemovedRecord() {
        String id = created(SPC, court(), debtor(PERSON_ID, "2026-10-01", null)).get("id").asString();

        TestHttp.Response removed = http.post(SPC + "/" + id + "/removal", court(),
                "{\"ground\":\"PERFORMED\",\"reason\":\"obligation paid in full\",\"expectedVersion\":1}");

        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        JsonNode record = read(SPC + "/" + id, court());
        assertThat(record.get("status").asString()).isEqualTo("REMOVED");
        assertThat(record.get("version").asLong()).isEqualTo(2);
        JsonNode last = record.get("history").get(1);
        assertThat(last.get("type").asString()).isEqualTo("REMOVED");
        assertThat(last.get("actor").asString()).isEqualTo("court-demo");
        assertThat(last.get("ground").asString()).isEqualTo("PERFORMED");
        assertThat(last.get("reason").asString()).isEqualTo("obligation paid in full");
        List<Document> log = log();
        assertThat(log).hasSize(2);
        assertThat(log.get(1).getString("type")).isEqualTo("REMOVED");
        assertThat(log.get(1).get("record", Document.class).getString("status")).isEqualTo("REMOVED");
        assertThat(((Number) log.get(1).get("record", Document.class).get("version")).longValue()).isEqualTo(2);

        String subjectId = record.get("subjectId").asString();
        assertThat(read("/api/v1/records?subjectId=" + subjectId + "&includeEnded=false", reader())).isEmpty();
        assertThat(read("/api/v1/records?subjectId=" + subjectId, reader())).hasSize(1);
    }

    @Test
    void removalAgainstAStaleVersionIsAConflictAndWritesNothing() {
        String id = created(SPC, court(), debtor(PERSON_ID, "2026-10-01", null)).get("id").asString();

        TestHttp.Response stale = http.post(SPC + "/" + id + "/removal", court(),
                "{\"ground\":\"PERFORMED\",\"reason\":\"paid\",\"expectedVersion\":7}");

        assertThat(stale.status()).isEqualTo(409);
        assertThat(JSON.readTree(stale.body()).get("currentVersion").asLong()).isEqualTo(1);
        assertThat(read(SPC + "/" + id, court()).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(count("change_log")).isEqualTo(1);
    }

    @Test
    void anotherAgencyMayNotRemoveTheCourtsRecordAndNothingIsWritten() {
        String id = created(SPC, court(), debtor(PERSON_ID, "2026-10-01", null)).get("id").asString();

        TestHttp.Response forbidden = http.post(SPC + "/" + id + "/removal", agency("samr-demo", "SAMR"),
                "{\"ground\":\"PERFORMED\",\"reason\":\"paid\"}");

        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(read(SPC + "/" + id, court()).get("version").asLong()).isEqualTo(1);
        assertThat(count("change_log")).isEqualTo(1);
    }

    /**
     * On a list any authority writes, each record belongs to the authority that made it: another
     * agency (which may write the list) can neither remove nor extend it, and nothing is written.
     */
    @Test
    void onAListAnyAuthorityWritesAnotherAgencyMayNotRemoveOrExtendARecordItDidNotMake() {
        String samr = agency("samr-demo", "SAMR");
        String tax = agency("tax-demo", "STA");
        String id = created(PENALTIES, samr, company(USCC, "2026-10-01")).get("id").asString();
        long logBefore = count("change_log");

        TestHttp.Response removal = http.post(PENALTIES + "/" + id + "/removal", tax,
                "{\"ground\":\"PERFORMED\",\"reason\":\"paid\"}");
        TestHttp.Response extension = http.post(PENALTIES + "/" + id + "/extension", tax,
                "{\"extension\":\"P1Y\",\"reason\":\"more\"}");

        for (TestHttp.Response refused : List.of(removal, extension)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(JSON.readTree(refused.body()).path("type").asString()).endsWith("/record-owned-elsewhere");
            assertThat(JSON.readTree(refused.body()).path("owner").asString()).isEqualTo("SAMR");
        }
        JsonNode unchanged = read(PENALTIES + "/" + id, samr);
        assertThat(unchanged.get("version").asLong()).isEqualTo(1);
        assertThat(unchanged.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(count("change_log")).isEqualTo(logBefore);

        // its own authority still may
        assertThat(http.post(PENALTIES + "/" + id + "/removal", samr,
                "{\"ground\":\"PERFORMED\",\"reason\":\"paid\"}").status()).isEqualTo(200);
    }

    @Test
    void removalWithoutAKnownGroundIsRejectedByFieldAndARemovedRecordCannotBeRemovedAgain() {
        String id = created(SPC, court(), debtor(PERSON_ID, "2026-10-01", null)).get("id").asString();

        TestHttp.Response noGround = http.post(SPC + "/" + id + "/removal", court(), "{\"ground\":\"BORED\",\"reason\":\"x\"}");
        assertThat(noGround.status()).isEqualTo(400);
        assertThat(noGround.body()).contains("\"field\":\"ground\"");
        assertThat(count("change_log")).isEqualTo(1);

        assertThat(http.post(SPC + "/" + id + "/removal", court(), "{\"ground\":\"ERROR\",\"reason\":\"wrong person\"}")
                .status()).isEqualTo(200);
        TestHttp.Response again = http.post(SPC + "/" + id + "/removal", court(), "{\"ground\":\"ERROR\",\"reason\":\"x\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).get("status").asString()).isEqualTo("REMOVED");
        assertThat(count("change_log")).isEqualTo(2);
    }

    @Test
    void courtExtendsASeriousCaseWithinFiveYearsInAllAndNotBeyond() {
        String id = created(SPC, court(), debtor(PERSON_ID, "2026-11-01", null)).get("id").asString();

        TestHttp.Response extended = http.post(SPC + "/" + id + "/extension", court(),
                "{\"extension\":\"P2Y\",\"reason\":\"serious case\",\"expectedVersion\":1}");
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        JsonNode record = JSON.readTree(extended.body());
        assertThat(record.get("status").asString()).isEqualTo("EXTENDED");
        assertThat(record.get("effectiveUntil").asString()).isEqualTo("2030-10-31");

        TestHttp.Response beyond = http.post(SPC + "/" + id + "/extension", court(),
                "{\"extension\":\"P2Y\",\"reason\":\"more\"}");
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.body()).contains("\"field\":\"extension\"").contains("max-duration");
        assertThat(read(SPC + "/" + id, court()).get("effectiveUntil").asString()).isEqualTo("2030-10-31");
        assertThat(log()).extracting(d -> d.getString("type")).containsExactly("CREATED", "EXTENDED");
    }

    @Test
    void aRailBanCannotBeExtended() {
        String rail = agency("rail-demo", "NRA");
        String path = "/api/v1/lists/rail-safety-offenders/records";
        String id = created(path, rail, debtor(PERSON_ID, "2026-10-15", null)).get("id").asString();

        TestHttp.Response refused = http.post(path + "/" + id + "/extension", rail, "{\"extension\":\"P30D\",\"reason\":\"x\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("not-extendable");
        assertThat(count("change_log")).isEqualTo(1);
    }

    @Test
    void theSweepExpiresARecordAtItsEndWithoutAnyoneAskingAndWatchersSeeIt() throws Exception {
        String rail = agency("rail-demo", "NRA");
        String path = "/api/v1/lists/rail-safety-offenders/records";
        JsonNode record = created(path, rail, debtor(PERSON_ID, "2026-10-15", null));
        assertThat(record.get("effectiveUntil").asString()).isEqualTo("2027-04-12");
        long createdAt = log().getFirst().get("_id", Number.class).longValue();

        CLOCK.set(Instant.parse("2027-04-12T15:59:00Z")); // 23:59 on the last day in Beijing
        assertThat(records.expireDue()).isZero();
        CLOCK.set(Instant.parse("2027-04-12T16:00:00Z")); // the day after
        assertThat(records.expireDue()).isEqualTo(1);
        assertThat(records.expireDue()).as("expired once").isZero();

        Document stored = mongo.findById(record.get("id").asString(), Document.class, "records");
        assertThat(stored.getString("status")).isEqualTo("EXPIRED");
        assertThat(stored.getList("history", Document.class).getLast().getString("actor")).isEqualTo("system");

        var watch = ListsServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(reader()))
                .withDeadlineAfter(5, TimeUnit.SECONDS);
        Iterator<WatchResponse> changes = watch.watch(WatchRequest.newBuilder().setFromSequence(createdAt).build());
        var expired = changes.next().getChange();
        assertThat(expired.getType()).isEqualTo(ChangeType.CHANGE_TYPE_EXPIRED);
        assertThat(expired.getRecord().getStatus()).isEqualTo(RecordStatus.RECORD_STATUS_EXPIRED);
        assertThat(expired.getRecord().getVersion()).isEqualTo(2);
    }

    @Test
    void subjectRecordsAsOfADateFollowTheTermAndTheRemovalDay() {
        JsonNode record = created(SPC, court(), debtor(PERSON_ID, "2026-10-01", null));
        String id = record.get("id").asString();
        String subject = "/api/v1/records?subjectId=" + record.get("subjectId").asString() + "&asOf=";
        CLOCK.set(Instant.parse("2026-10-20T02:00:00Z"));
        http.post(SPC + "/" + id + "/removal", court(), "{\"ground\":\"PERFORMED\",\"reason\":\"paid\"}");

        assertThat(read(subject + "2026-09-30", reader())).as("before the term").isEmpty();
        assertThat(read(subject + "2026-10-19", reader())).as("in force then").hasSize(1);
        assertThat(read(subject + "2026-10-20", reader())).as("removed that day").isEmpty();
        assertThat(http.get(subject + "yesterday", reader()).status()).isEqualTo(400);
    }

    @Test
    void grpcSubjectRecordsAsOfAnInstantAnswerForThatDayInBeijing() {
        JsonNode record = created(SPC, court(), debtor(PERSON_ID, "2026-10-01", null));
        CLOCK.set(Instant.parse("2026-10-20T02:00:00Z"));
        http.post(SPC + "/" + record.get("id").asString() + "/removal", court(), "{\"ground\":\"PERFORMED\",\"reason\":\"paid\"}");
        var grpc = ListsServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(reader()));

        var onTheNineteenth = grpc.listSubjectRecords(credit.lists.v1.ListSubjectRecordsRequest.newBuilder()
                .setSubjectId(record.get("subjectId").asString())
                .setAsOf(com.google.protobuf.Timestamp.newBuilder()
                        .setSeconds(Instant.parse("2026-10-19T15:59:00Z").getEpochSecond())) // 23:59 in Beijing
                .build());
        var onTheTwentieth = grpc.listSubjectRecords(credit.lists.v1.ListSubjectRecordsRequest.newBuilder()
                .setSubjectId(record.get("subjectId").asString())
                .setAsOf(com.google.protobuf.Timestamp.newBuilder()
                        .setSeconds(Instant.parse("2026-10-19T16:00:00Z").getEpochSecond())) // 00:00 on the 20th
                .build());

        assertThat(onTheNineteenth.getRecordsList()).singleElement()
                .satisfies(r -> assertThat(r.getStatus()).as("as it is now").isEqualTo(RecordStatus.RECORD_STATUS_REMOVED));
        assertThat(onTheTwentieth.getRecordsList()).isEmpty();
    }

    @Autowired
    credit.platform.lists.definition.domain.ListCatalog catalog;

    @Test
    void recordsOnARestrictedListAreReadOnlyByTheirAuthority() {
        var seeded = catalog.getVersioned("spc-dishonest-debtors");
        var d = seeded.definition();
        catalog.edit(new credit.platform.lists.definition.domain.ListDefinition(d.id(), d.name(), d.kind(),
                d.issuingAuthority(), d.legalBasis(), d.subjectKinds(), d.term(),
                credit.platform.lists.definition.domain.Publicity.RESTRICTED, d.objectionWindow(), d.objectionDecision(),
                d.removalDeadline(), d.excludesMinors(), d.repair()), seeded.version(), "platform-admin");
        try {
            JsonNode record = created(SPC, court(), debtor(PERSON_ID, "2026-10-01", null));
            String samr = agency("samr-demo", "SAMR");

            assertThat(http.get(SPC + "/" + record.get("id").asString(), court()).status()).isEqualTo(200);
            assertThat(http.get(SPC + "/" + record.get("id").asString(), samr).status()).isEqualTo(404);
            assertThat(read("/api/v1/records?subjectId=" + record.get("subjectId").asString(), samr)).isEmpty();
            assertThat(http.get(SPC + "?page=0&size=10", samr).status()).isEqualTo(403);
            assertThat(read(SPC + "?page=0&size=10", court()).get("items")).hasSize(1);
        } finally {
            var now = catalog.getVersioned("spc-dishonest-debtors");
            catalog.edit(d, now.version(), "platform-admin");
        }
    }

    @Test
    void aListsRecordsArePagedNewestFirstWithTheTotal() {
        for (int i = 0; i < 3; i++) {
            CLOCK.advance(java.time.Duration.ofMinutes(1));
            created(SPC, court(), debtor(PERSON_ID, "2026-10-0" + (i + 1), null));
        }

        JsonNode first = read(SPC + "?page=0&size=2", reader());
        JsonNode second = read(SPC + "?page=1&size=2", reader());

        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("items").get(0).get("effectiveFrom").asString()).isEqualTo("2026-10-03");
        assertThat(second.get("items")).hasSize(1);
        assertThat(http.get(SPC + "?size=0", reader()).status()).isEqualTo(400);
    }

    @Test
    void thePublicViewOfACompanyShowsOnlyRecordsInForceOnPublicListsWithoutHistory() {
        String samr = agency("samr-demo", "SAMR");
        String id = created(PENALTIES, samr, company(USCC, "2026-06-01")).get("id").asString();
        created(PENALTIES, samr, company(USCC, "2026-07-01"));

        JsonNode view = read("/api/v1/records/public?uscc=" + USCC, reader());
        assertThat(view).hasSize(2);
        assertThat(view.get(0).has("history")).isFalse();
        assertThat(view.get(0).get("issuingAuthority").asString()).isEqualTo("SAMR");

        http.post(PENALTIES + "/" + id + "/removal", samr, "{\"ground\":\"ERROR\",\"reason\":\"annulled on review\"}");
        assertThat(read("/api/v1/records/public?uscc=" + USCC, reader())).hasSize(1);
    }

    @Test
    void aSnapshotShowsEachRecordAsItWasAtItsSequenceEvenWhileALaterChangeIsPending() {
        String id = created(SPC, court(), debtor(PERSON_ID, "2026-10-01", null)).get("id").asString();
        var current = records.get(id);
        // A removal stored but not yet in the feed (as after a crash between the two writes).
        var removed = current.next(credit.platform.lists.record.domain.RecordStatus.REMOVED, current.term(),
                new credit.platform.lists.record.domain.RecordEvent("pending-removal",
                        credit.platform.lists.record.domain.ChangeType.REMOVED, "court-demo", CLOCK.instant(), "paid"));
        assertThat(repository.replace(removed, 1)).isTrue();

        List<credit.lists.v1.SnapshotResponse> before = snapshot();
        assertThat(before).hasSize(2);
        assertThat(before.get(0).getRecord().getVersion()).as("the record as at the snapshot's sequence").isEqualTo(1);
        assertThat(before.get(0).getRecord().getStatus()).isEqualTo(RecordStatus.RECORD_STATUS_ACTIVE);
        long at = before.get(1).getAtSequence();

        assertThat(records.publishPending()).isEqualTo(1);
        List<credit.lists.v1.SnapshotResponse> after = snapshot();
        assertThat(after).singleElement().satisfies(end -> assertThat(end.getAtSequence()).isEqualTo(at + 1));
    }

    @Autowired
    credit.platform.lists.record.domain.RecordRepository repository;

    List<credit.lists.v1.SnapshotResponse> snapshot() {
        List<credit.lists.v1.SnapshotResponse> items = new ArrayList<>();
        ListsServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(reader()))
                .snapshot(credit.lists.v1.SnapshotRequest.getDefaultInstance()).forEachRemaining(items::add);
        return items;
    }
}
