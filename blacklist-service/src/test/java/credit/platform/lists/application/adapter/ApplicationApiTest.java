package credit.platform.lists.application.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import credit.platform.lists.support.ListsServiceTest;
import credit.platform.testsupport.TestHttp;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Objections and credit repair over REST: filed → acknowledged → decided by the record's authority,
 * the record DISPUTED → ACTIVE or REMOVED with every step in its history and the change feed;
 * deadlines in working days; repair refused before the minimum publicity period; overdue ones per
 * authority by API and metric. Refused requests are shown to write nothing.
 */
class ApplicationApiTest extends ListsServiceTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PERSON_ID = "11010519491231002X";
    static final String USCC = "91350200776049653A";
    static final String SPC = "/api/v1/lists/spc-dishonest-debtors/records";
    static final String RAIL = "/api/v1/lists/rail-safety-offenders/records";
    static final String PENALTIES = "/api/v1/lists/admin-penalties-general/records";

    @Autowired
    OverdueMetrics metrics;

    @Autowired
    MeterRegistry meters;

    JsonNode ok(TestHttp.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    List<String> logTypes() {
        List<String> types = new ArrayList<>();
        mongo.getCollection("change_log").find().sort(new Document("_id", 1)).forEach(d -> types.add(d.getString("type")));
        return types;
    }

    String status(String path) {
        return ok(http.get(path, court()), 200).get("status").asString();
    }

    @Test
    void objectionDisputesTheRecordAndARejectionReinstatesIt() {
        String record = SPC + "/" + ok(http.post(SPC, court(), debtor(PERSON_ID, "2026-10-01", null)), 201).get("id").asString();

        JsonNode objection = ok(http.post(record + "/objections", agency("ndrc-demo", "NDRC"),
                "{\"reason\":\"the debt was paid before listing\"}"), 201);
        assertThat(objection.get("status").asString()).isEqualTo("FILED");
        assertThat(objection.get("authority").asString()).isEqualTo("SPC");
        assertThat(objection.get("decideBy").asString()).as("SPC: 15 days").isEqualTo("2026-10-30");
        assertThat(status(record)).isEqualTo("DISPUTED");
        String application = record + "/applications/" + objection.get("id").asString();

        assertThat(ok(http.post(application + "/acknowledgement", court(), ""), 200).get("status").asString())
                .isEqualTo("ACKNOWLEDGED");
        JsonNode decided = ok(http.post(application + "/decision", court(),
                "{\"outcome\":\"REJECTED\",\"reason\":\"payment came after the listing\"}"), 200);

        assertThat(decided.get("status").asString()).isEqualTo("REJECTED");
        assertThat(decided.get("decidedBy").asString()).isEqualTo("court-demo");
        JsonNode after = ok(http.get(record, court()), 200);
        assertThat(after.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(after.get("history")).extracting(e -> e.get("type").asString())
                .containsExactly("CREATED", "DISPUTED", "REINSTATED");
        assertThat(after.get("history").get(1).get("actor").asString()).isEqualTo("ndrc-demo");
        assertThat(logTypes()).containsExactly("CREATED", "DISPUTED", "REINSTATED");
    }

    @Test
    void anUpheldObjectionRemovesTheRecordOnceEvenWhenTheDecisionIsRepeated() {
        String record = SPC + "/" + ok(http.post(SPC, court(), debtor(PERSON_ID, "2026-10-01", null)), 201).get("id").asString();
        String id = ok(http.post(record + "/objections", court(), "{\"reason\":\"wrong person\"}"), 201).get("id").asString();
        String decision = record + "/applications/" + id + "/decision";

        ok(http.post(decision, court(), "{\"outcome\":\"ACCEPTED\",\"reason\":\"identity mix-up\"}"), 200);
        ok(http.post(decision, court(), "{\"outcome\":\"ACCEPTED\",\"reason\":\"identity mix-up\"}"), 200);
        TestHttp.Response changedMind = http.post(decision, court(), "{\"outcome\":\"REJECTED\",\"reason\":\"no\"}");

        assertThat(changedMind.status()).isEqualTo(409);
        JsonNode after = ok(http.get(record, court()), 200);
        assertThat(after.get("status").asString()).isEqualTo("REMOVED");
        assertThat(after.get("history").get(2).get("ground").asString()).isEqualTo("OBJECTION_UPHELD");
        assertThat(logTypes()).containsExactly("CREATED", "DISPUTED", "REMOVED");
    }

    @Test
    void onlyTheRecordsAuthorityDecidesAnObjectionAndARefusedDecisionWritesNothing() {
        String record = SPC + "/" + ok(http.post(SPC, court(), debtor(PERSON_ID, "2026-10-01", null)), 201).get("id").asString();
        String id = ok(http.post(record + "/objections", court(), "{\"reason\":\"wrong\"}"), 201).get("id").asString();

        TestHttp.Response forbidden = http.post(record + "/applications/" + id + "/decision", agency("samr-demo", "SAMR"),
                "{\"outcome\":\"ACCEPTED\",\"reason\":\"x\"}");

        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(ok(http.get(record + "/applications/" + id, court()), 200).get("status").asString()).isEqualTo("FILED");
        assertThat(status(record)).isEqualTo("DISPUTED");
        assertThat(logTypes()).containsExactly("CREATED", "DISPUTED");
    }

    @Test
    void aSecondObjectionOnADisputedRecordIsAConflictAndWritesNothing() {
        String record = SPC + "/" + ok(http.post(SPC, court(), debtor(PERSON_ID, "2026-10-01", null)), 201).get("id").asString();
        ok(http.post(record + "/objections", court(), "{\"reason\":\"wrong\"}"), 201);

        assertThat(http.post(record + "/objections", court(), "{\"reason\":\"again\"}").status()).isEqualTo(409);
        assertThat(count("applications")).isEqualTo(1);
        assertThat(logTypes()).containsExactly("CREATED", "DISPUTED");
    }

    @Test
    void railObjectionsCloseSevenWorkingDaysAfterPublicationAndALateOneWritesNothing() {
        String rail = agency("rail-demo", "NRA");
        // Published Thursday 2026-10-15: seven working days end Monday 2026-10-26.
        String record = RAIL + "/" + ok(http.post(RAIL, rail, debtor(PERSON_ID, "2026-10-15", null)), 201).get("id").asString();

        CLOCK.set(Instant.parse("2026-10-27T02:00:00Z"));
        TestHttp.Response late = http.post(record + "/objections", rail, "{\"reason\":\"was not me\"}");

        assertThat(late.status()).isEqualTo(400);
        assertThat(late.body()).contains("objection-window").contains("2026-10-26");
        assertThat(count("applications")).isZero();
        assertThat(ok(http.get(record, rail), 200).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(logTypes()).containsExactly("CREATED");

        CLOCK.set(Instant.parse("2026-10-26T15:00:00Z")); // 23:00 on the last day in Beijing
        assertThat(http.post(record + "/objections", rail, "{\"reason\":\"was not me\"}").status()).isEqualTo(201);
    }

    @Test
    void repairBeforeTheMinimumPublicityPeriodIsRefusedWithTheReasonAndWritesNothing() {
        String samr = agency("samr-demo", "SAMR");
        String record = PENALTIES + "/" + ok(http.post(PENALTIES, samr, company(USCC, "2026-09-01")), 201).get("id").asString();

        TestHttp.Response early = http.post(record + "/repairs", samr, "{\"reason\":\"fine paid, commitment made\"}");

        assertThat(early.status()).isEqualTo(400);
        assertThat(early.body()).contains("minimum-publicity").contains("2026-12-01");
        assertThat(count("applications")).isZero();
        assertThat(logTypes()).containsExactly("CREATED");
    }

    @Test
    void repairIsRefusedOnAListWithoutRepair() {
        String record = SPC + "/" + ok(http.post(SPC, court(), debtor(PERSON_ID, "2026-01-01", null)), 201).get("id").asString();

        TestHttp.Response refused = http.post(record + "/repairs", court(), "{\"reason\":\"please\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("not-repairable");
        assertThat(count("applications")).isZero();
    }

    @Test
    void grantedRepairRemovesThePenaltyFromThePublicView() {
        String samr = agency("samr-demo", "SAMR");
        String record = PENALTIES + "/" + ok(http.post(PENALTIES, samr, company(USCC, "2026-06-01")), 201).get("id").asString();
        String id = ok(http.post(record + "/repairs", samr, "{\"reason\":\"fine paid, commitment made\"}"), 201)
                .get("id").asString();
        assertThat(status(record)).as("repair does not dispute the record").isEqualTo("ACTIVE");

        ok(http.post(record + "/applications/" + id + "/decision", samr, "{\"outcome\":\"ACCEPTED\",\"reason\":\"conditions met\"}"), 200);

        JsonNode after = ok(http.get(record, samr), 200);
        assertThat(after.get("status").asString()).isEqualTo("REMOVED");
        assertThat(after.get("history").get(1).get("ground").asString()).isEqualTo("REPAIRED");
        assertThat(ok(http.get("/api/v1/records/public?uscc=" + USCC, reader()), 200)).isEmpty();
        assertThat(logTypes()).containsExactly("CREATED", "REMOVED");
    }

    @Test
    void repairUndecidedPastThreeWorkingDaysIsReportedOverdueToItsAuthorityAndCounted() {
        String samr = agency("samr-demo", "SAMR");
        String record = PENALTIES + "/" + ok(http.post(PENALTIES, samr, company(USCC, "2026-06-01")), 201).get("id").asString();
        // Filed Thursday 2026-10-15: three working days end Tuesday 2026-10-20 (the weekend does not count).
        JsonNode filed = ok(http.post(record + "/repairs", samr, "{\"reason\":\"fine paid\"}"), 201);
        assertThat(filed.get("decideBy").asString()).isEqualTo("2026-10-20");

        CLOCK.set(Instant.parse("2026-10-20T10:00:00Z"));
        assertThat(ok(http.get("/api/v1/lists/applications/overdue", samr), 200)).isEmpty();

        CLOCK.set(Instant.parse("2026-10-21T02:00:00Z"));
        JsonNode overdue = ok(http.get("/api/v1/lists/applications/overdue", samr), 200);
        assertThat(overdue).singleElement().satisfies(a -> {
            assertThat(a.get("id").asString()).isEqualTo(filed.get("id").asString());
            assertThat(a.get("overdue").asBoolean()).isTrue();
        });
        assertThat(ok(http.get("/api/v1/lists/applications/overdue", court()), 200)).as("another authority's").isEmpty();
        assertThat(http.get("/api/v1/lists/applications/overdue?authority=SAMR", court()).status()).isEqualTo(403);

        metrics.refresh();
        assertThat(meters.get(OverdueMetrics.METRIC).tag("authority", "SAMR").gauge().value()).isEqualTo(1.0);
        // every issuing authority has its row, 0 when nothing of its is overdue (the series exists before a miss)
        assertThat(meters.get(OverdueMetrics.METRIC).tag("authority", "SPC").gauge().value()).isZero();
    }

    @Test
    void aFilingWithoutAReasonIsRejectedByFieldAndWritesNothing() {
        String record = SPC + "/" + ok(http.post(SPC, court(), debtor(PERSON_ID, "2026-10-01", null)), 201).get("id").asString();

        TestHttp.Response invalid = http.post(record + "/objections", court(), "{}");

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"field\":\"reason\"");
        assertThat(count("applications")).isZero();
        assertThat(status(record)).isEqualTo("ACTIVE");
    }

    @Test
    void aReportedDeletionGroundIsDueWithinThreeWorkingDaysAndAcceptingItRemovesTheRecordOnThatGround() {
        String record = SPC + "/" + ok(http.post(SPC, court(), debtor(PERSON_ID, "2026-10-01", null)), 201).get("id").asString();
        CLOCK.set(Instant.parse("2026-10-16T02:00:00Z")); // Friday
        JsonNode filed = ok(http.post(record + "/deletion-requests", agency("samr-demo", "SAMR"),
                "{\"ground\":\"CREDITOR_CONSENT\",\"reason\":\"the creditor withdrew the application\"}"), 201);
        assertThat(filed.get("kind").asString()).isEqualTo("DELETION");
        assertThat(filed.get("decideBy").asString()).as("SPC art. 10: 3 working days, weekend skipped").isEqualTo("2026-10-21");
        assertThat(status(record)).as("a deletion request does not dispute the record").isEqualTo("ACTIVE");

        CLOCK.set(Instant.parse("2026-10-22T02:00:00Z"));
        assertThat(ok(http.get("/api/v1/lists/applications/overdue", court()), 200)).hasSize(1);

        ok(http.post(record + "/applications/" + filed.get("id").asString() + "/decision", court(),
                "{\"outcome\":\"ACCEPTED\",\"reason\":\"consent verified\"}"), 200);
        JsonNode after = ok(http.get(record, court()), 200);
        assertThat(after.get("status").asString()).isEqualTo("REMOVED");
        assertThat(after.get("history").get(1).get("ground").asString()).isEqualTo("CREDITOR_CONSENT");
        assertThat(ok(http.get("/api/v1/lists/applications/overdue", court()), 200)).isEmpty();
        assertThat(logTypes()).containsExactly("CREATED", "REMOVED");
    }

    @Test
    void aDeletionRequestWithoutAKnownGroundIsRejectedByFieldAndWritesNothing() {
        String record = SPC + "/" + ok(http.post(SPC, court(), debtor(PERSON_ID, "2026-10-01", null)), 201).get("id").asString();

        TestHttp.Response invalid = http.post(record + "/deletion-requests", court(), "{\"ground\":\"TIRED\",\"reason\":\"x\"}");

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"field\":\"ground\"");
        assertThat(count("applications")).isZero();
    }
}
