package credit.platform.lists.record.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import credit.lists.v1.GetRecordRequest;
import credit.lists.v1.ListsServiceGrpc;
import credit.lists.v1.RecordStatus;
import credit.lists.v1.SnapshotRequest;
import credit.lists.v1.SnapshotResponse;
import credit.lists.v1.WatchRequest;
import credit.lists.v1.WatchResponse;
import credit.platform.lists.support.FakeRegistry;
import credit.platform.lists.support.ListsServiceTest;
import credit.platform.testsupport.TestHttp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Putting subjects on lists end to end: REST in, registry (the {@link FakeRegistry} stand-in for
 * registry-service, which the system tests run for real) over gRPC, MongoDB, the change feed, gRPC
 * reads out. Every rejected request is shown to write nothing by reading back.
 */
class RecordApiTest extends ListsServiceTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PERSON_ID = "11010519491231002X";
    static final String SPC_RECORDS = "/api/v1/lists/spc-dishonest-debtors/records";

    @Test
    void courtListsADebtorForTwoYearsAndReadsTheRecordBack() {
        TestHttp.Response created = http.post(SPC_RECORDS, court(), debtor("110105-19491231002x", "2026-11-01", null));

        assertThat(created.status()).isEqualTo(201);
        JsonNode record = JSON.readTree(created.body());
        String id = record.get("id").asString();
        assertThat(record.get("listKind").asString()).isEqualTo("BLACK");
        assertThat(record.get("issuingAuthority").asString()).isEqualTo("SPC");
        assertThat(record.get("identifier").get("value").asString()).isEqualTo(PERSON_ID);
        assertThat(record.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(record.get("effectiveFrom").asString()).isEqualTo("2026-11-01");
        assertThat(record.get("effectiveUntil").asString()).isEqualTo("2028-10-31");
        assertThat(record.get("version").asLong()).isEqualTo(1);
        assertThat(record.get("legalBasis").asString()).contains("法释〔2013〕17号");
        assertThat(REGISTRY.lastAuthorization()).startsWith("Bearer ");

        TestHttp.Response read = http.get(SPC_RECORDS + "/" + id, court());
        assertThat(read.status()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).get("caseNumber").asString()).isEqualTo("(2026)京0105执123号");

        String subjectId = record.get("subjectId").asString();
        JsonNode ofSubject = JSON.readTree(http.get("/api/v1/records?subjectId=" + subjectId, reader()).body());
        assertThat(ofSubject).hasSize(1);
        assertThat(ofSubject.get(0).get("id").asString()).isEqualTo(id);

        var history = mongo.findById(id, org.bson.Document.class, "records").getList("history", org.bson.Document.class);
        assertThat(history).singleElement().satisfies(event -> {
            assertThat(event.getString("type")).isEqualTo("CREATED");
            assertThat(event.getString("actor")).isEqualTo("court-demo");
        });
        assertThat(count("change_log")).isEqualTo(1);
    }

    @Test
    void listsAreShownWithTheirAuthorityAndLegalBasis() {
        TestHttp.Response response = http.get("/api/v1/lists", reader());

        assertThat(response.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        JSON.readTree(response.body()).forEach(l -> ids.add(l.get("id").asString() + "@" + l.get("issuingAuthority").asString()));
        assertThat(ids).contains("spc-dishonest-debtors@SPC", "rail-safety-offenders@NRA", "customs-advanced-certified@GACC")
                .hasSize(10);
    }

    @Test
    void requestWithoutTokenIsUnauthenticatedAndWritesNothing() {
        TestHttp.Response response = http.post(SPC_RECORDS, null, debtor(PERSON_ID, "2026-11-01", null));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(count("records")).isZero();
    }

    @Test
    void tokenWithoutTheWriteScopeIsForbiddenAndWritesNothing() {
        String airline = TOKENS.token("airline-demo", "travel.check");

        assertThat(http.post(SPC_RECORDS, airline, debtor(PERSON_ID, "2026-11-01", null)).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/lists", airline).status()).isEqualTo(403);
        assertThat(count("records")).isZero();
    }

    @Test
    void marketRegulatorCannotWriteTheCourtsListAndNothingIsWritten() {
        TestHttp.Response response = http.post(SPC_RECORDS, agency("samr-demo", "SAMR"), debtor(PERSON_ID, "2026-11-01", null));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("detail").asString()).isEqualTo("list is owned by SPC");
        assertThat(REGISTRY.calls()).isZero();
        assertThat(count("records")).isZero();
        assertThat(count("change_log")).isZero();
    }

    @Test
    void platformAdminMayWriteAnyList() {
        String admin = TOKENS.token("platform-admin", "platform.admin");
        assertThat(http.post(SPC_RECORDS, admin, debtor(PERSON_ID, "2026-11-01", null)).status()).isEqualTo(201);
    }

    @Test
    void unknownListIsNotFound() {
        TestHttp.Response response = http.post("/api/v1/lists/no-such-list/records", court(), debtor(PERSON_ID, "2026-11-01", null));
        assertThat(response.status()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("type").asString()).endsWith("/list-not-found");
    }

    @Test
    void missingFieldsAreRejectedByNameAndNothingIsWritten() {
        TestHttp.Response response = http.post(SPC_RECORDS, court(), """
                {"subject":{"kind":"PERSON","scheme":"RESIDENT_ID","value":"%s"},"legalGround":"g","facts":"f",
                 "effectiveFrom":"2026-13-01"}
                """.formatted(PERSON_ID));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(errors(response)).contains("subject.name:required", "caseNumber:required", "effectiveFrom:date");
        assertThat(REGISTRY.calls()).isZero();
        assertThat(count("records")).isZero();
    }

    @Test
    void termBeyondTheListsMaximumIsRejectedAndNothingIsWritten() {
        TestHttp.Response response = http.post(SPC_RECORDS, court(), debtor(PERSON_ID, "2026-11-01", "2031-11-01"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(errors(response)).containsExactly("effectiveUntil:max-duration");
        assertThat(count("records")).isZero();
        assertThat(count("change_log")).isZero();
    }

    @Test
    void endBeforeStartIsRejected() {
        TestHttp.Response response = http.post(SPC_RECORDS, court(), debtor(PERSON_ID, "2026-11-01", "2026-10-31"));
        assertThat(errors(response)).containsExactly("effectiveUntil:not-before-effective-from");
        assertThat(count("records")).isZero();
    }

    @Test
    void identifierTheRegistryRejectsIsReportedOnTheSubjectAndNothingIsWritten() {
        TestHttp.Response response = http.post(SPC_RECORDS, court(), debtor(FakeRegistry.BAD_CHECK_CHARACTER, "2026-11-01", null));

        assertThat(response.status()).isEqualTo(400);
        assertThat(errors(response)).containsExactly("subject.value:check-character");
        assertThat(count("records")).isZero();
    }

    @Test
    void registryDownIsServiceUnavailableAndNothingIsWritten() {
        REGISTRY.failWith(Status.UNAVAILABLE.withDescription("registry is down"));

        TestHttp.Response response = http.post(SPC_RECORDS, court(), debtor(PERSON_ID, "2026-11-01", null));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("detail").asString()).isEqualTo("registry unavailable, nothing was written");
        assertThat(REGISTRY.calls()).isEqualTo(3); // idempotent call: retried up to max-attempts
        assertThat(count("records")).isZero();
        assertThat(count("change_log")).isZero();
    }

    @Test
    void retryWithTheSameIdempotencyKeyReturnsTheFirstRecordAndWritesNothingNew() {
        String body = debtor(PERSON_ID, "2026-11-01", null);
        TestHttp.Response first = http.post(SPC_RECORDS, court(), body, "Idempotency-Key", "court-req-42");
        TestHttp.Response retry = http.post(SPC_RECORDS, court(), body, "Idempotency-Key", "court-req-42");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(JSON.readTree(retry.body()).get("id").asString()).isEqualTo(JSON.readTree(first.body()).get("id").asString());
        assertThat(count("records")).isEqualTo(1);
        assertThat(count("change_log")).isEqualTo(1);
    }

    @Test
    void railBanIsShownExpiredOnceItsLastDayHasPassed() {
        String rail = agency("rail-demo", "NRA");
        JsonNode created = JSON.readTree(http.post("/api/v1/lists/rail-safety-offenders/records", rail,
                debtor(PERSON_ID, "2026-11-01", null)).body());
        assertThat(created.get("effectiveUntil").asString()).isEqualTo("2027-04-29");
        String path = "/api/v1/lists/rail-safety-offenders/records/" + created.get("id").asString();

        CLOCK.set(Instant.parse("2027-04-29T15:00:00Z")); // 23:00 on the last day in Beijing
        assertThat(JSON.readTree(http.get(path, rail).body()).get("status").asString()).isEqualTo("ACTIVE");
        CLOCK.set(Instant.parse("2027-04-29T16:00:00Z")); // 00:00 the day after in Beijing
        assertThat(JSON.readTree(http.get(path, rail).body()).get("status").asString()).isEqualTo("EXPIRED");

        var grpc = ListsServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(reader()));
        Iterator<SnapshotResponse> snapshot = grpc.snapshot(SnapshotRequest.getDefaultInstance());
        assertThat(snapshot.next().hasAtSequence()).as("an expired record is not in the snapshot").isTrue();
    }

    @Test
    void grpcReadsTheRecordAndTheSnapshotEndsWithItsSequence() {
        String id = JSON.readTree(http.post(SPC_RECORDS, court(), debtor(PERSON_ID, "2026-11-01", null)).body())
                .get("id").asString();
        var grpc = ListsServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(reader()));

        var record = grpc.getRecord(GetRecordRequest.newBuilder().setRecordId(id).build()).getRecord();
        assertThat(record.getStatus()).isEqualTo(RecordStatus.RECORD_STATUS_ACTIVE);
        assertThat(record.getEffectiveUntil().getSeconds())
                .isEqualTo(Instant.parse("2028-10-31T16:00:00Z").getEpochSecond()); // end of 2028-10-31 in Beijing

        List<SnapshotResponse> snapshot = new ArrayList<>();
        grpc.snapshot(SnapshotRequest.getDefaultInstance()).forEachRemaining(snapshot::add);
        assertThat(snapshot).hasSize(2);
        assertThat(snapshot.get(0).getRecord().getRecordId()).isEqualTo(id);
        long at = snapshot.get(1).getAtSequence();
        assertThat(at).isEqualTo(((Number) mongo.getCollection("change_log").find()
                .sort(new org.bson.Document("_id", -1)).first().get("_id")).longValue());
    }

    @Test
    void grpcWithoutTokenIsUnauthenticatedAndWatchFromBeforeTheLogAsksForASnapshot() {
        var anonymous = ListsServiceGrpc.newBlockingStub(channel());
        StatusRuntimeException denied = null;
        try {
            anonymous.getRecord(GetRecordRequest.newBuilder().setRecordId("x").build());
        } catch (StatusRuntimeException e) {
            denied = e;
        }
        assertThat(denied).isNotNull();
        assertThat(denied.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);

        var grpc = ListsServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(reader()));
        Iterator<WatchResponse> watch = grpc.watch(WatchRequest.newBuilder().setFromSequence(-1).build());
        assertThat(watch.next().hasResnapshotRequired()).isTrue();
        assertThat(watch.hasNext()).isFalse();
    }

    static List<String> errors(TestHttp.Response response) {
        List<String> out = new ArrayList<>();
        JSON.readTree(response.body()).get("errors").forEach(e -> out.add(e.get("field").asString() + ":" + e.get("rule").asString()));
        return out;
    }
}
