package credit.platform.lists.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import credit.platform.lists.support.ListsServiceTest;
import credit.platform.testsupport.TestHttp;
import credit.platform.testsupport.TestTokens;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The self-service, desk and public routes of the lists service: a person sees and challenges only
 * their own records (another's is 404 and nothing is written), the desk decides only its own
 * authority's applications, the public sees records in force on PUBLIC lists with identity numbers
 * masked and nothing else; service clients have no self.
 */
class SelfServiceApiTest extends ListsServiceTest {

    static final String SPC = "/api/v1/lists/spc-dishonest-debtors/records";
    static final String A = "11010519491231002X";
    static final String B = "310104198005121232";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static String person(String residentId) {
        return TOKENS.token("credit-portal", "openid", Map.of("resident_id", residentId), TestTokens.ISSUER,
                TestTokens.AUDIENCE, Instant.now().plusSeconds(300));
    }

    static String desk(String agency) {
        return TOKENS.token("credit-portal", "openid desk.officer", Map.of("agency", agency,
                "preferred_username", agency.toLowerCase() + "-officer-demo"), TestTokens.ISSUER, TestTokens.AUDIENCE,
                Instant.now().plusSeconds(300));
    }

    static JsonNode ok(TestHttp.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    @Test
    void aPersonSeesOnlyTheirOwnRecordsAndAnotherPersonsRecordIsNotFoundAndCannotBeChallenged() {
        String id = ok(http.post(SPC, court(), debtor(A, "2026-10-01", null)), 201).get("id").asString();
        ok(http.post(SPC, court(), debtor(B, "2026-10-01", null)), 201);

        JsonNode mine = ok(http.get("/api/v1/me/records", person(A)), 200);
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("id").asString()).isEqualTo(id);
        assertThat(mine.get(0).get("remedies").get("objectionDecidedWithin").asString()).isEqualTo("15 days");

        assertThat(http.get("/api/v1/me/records/" + id, person(B)).status()).isEqualTo(404);
        assertThat(http.post("/api/v1/me/records/" + id + "/objections", person(B), "{\"reason\":\"not mine\"}").status())
                .isEqualTo(404);
        assertThat(count("applications")).as("a refused filing writes nothing").isZero();
        assertThat(ok(http.get(SPC + "/" + id, court()), 200).get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void aPersonWithNothingRecordedHasNoRecordsAndAServiceClientHasNoSelf() {
        assertThat(ok(http.get("/api/v1/me/records", person("440305197508204568")), 200)).isEmpty();
        assertThat(http.get("/api/v1/me/records", court()).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/me/records", null).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/desk/applications", person(A)).status()).isEqualTo(403);
    }

    @Test
    void aPersonObjectsThemselvesAndOnlyTheRecordsAuthorityDecidesAtTheDesk() {
        String id = ok(http.post(SPC, court(), debtor(A, "2026-10-01", null)), 201).get("id").asString();
        assertThat(ok(http.post("/api/v1/me/records/" + id + "/objections", person(A), "{\"reason\":\" \"}"), 400)
                .get("errors").get(0).get("field").asString()).isEqualTo("reason");

        JsonNode filed = ok(http.post("/api/v1/me/records/" + id + "/objections", person(A),
                "{\"reason\":\"paid in full\"}"), 201);
        assertThat(filed.get("filedBy").asString()).isEqualTo("subject via credit-portal");
        assertThat(filed.get("decideBy").asString()).isEqualTo("2026-10-30");
        assertThat(filed.get("workingDaysLeft").asInt()).isPositive();
        assertThat(ok(http.get("/api/v1/me/records/" + id, person(A)), 200).get("record").get("status").asString())
                .isEqualTo("DISPUTED");

        JsonNode pending = ok(http.get("/api/v1/desk/applications", desk("SPC")), 200);
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).get("record").get("subjectId").asString()).isNotBlank();
        assertThat(ok(http.get("/api/v1/desk/applications", desk("SAMR")), 200)).isEmpty();
        String application = filed.get("id").asString();
        assertThat(http.post("/api/v1/desk/applications/" + application + "/decision", desk("SAMR"),
                "{\"outcome\":\"ACCEPTED\",\"reason\":\"x\"}").status()).isEqualTo(403);

        JsonNode decided = ok(http.post("/api/v1/desk/applications/" + application + "/decision", desk("SPC"),
                "{\"outcome\":\"ACCEPTED\",\"reason\":\"payment confirmed\"}"), 200);
        assertThat(decided.get("application").get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(decided.get("application").get("decidedBy").asString()).isEqualTo("spc-officer-demo via credit-portal");
        assertThat(decided.get("record").get("status").asString()).isEqualTo("REMOVED");
        JsonNode seen = ok(http.get("/api/v1/me/applications", person(A)), 200);
        assertThat(seen.get(0).get("decisionReason").asString()).isEqualTo("payment confirmed");
        assertThat(ok(http.get("/api/v1/desk/records", desk("SPC")), 200).get("total").asLong()).isEqualTo(1);
        assertThat(ok(http.get("/api/v1/desk/records", desk("SAMR")), 200).get("total").asLong()).isZero();
    }

    @Test
    void thePublicSeesRecordsInForceOnPublicListsWithIdentityNumbersMasked() {
        ok(http.post(SPC, court(), debtor(A, "2026-10-01", null)), 201);
        String removed = ok(http.post(SPC, court(), debtor(B, "2026-10-01", null)), 201).get("id").asString();
        ok(http.post(SPC + "/" + removed + "/removal", court(), "{\"ground\":\"PERFORMED\",\"reason\":\"paid\"}"), 200);

        TestHttp.Response page = http.get("/api/v1/public/lists/spc-dishonest-debtors/records", null);
        JsonNode entries = ok(page, 200);
        assertThat(entries.get("total").asLong()).isEqualTo(1);
        assertThat(entries.get("items").get(0).get("identifier").asString()).isEqualTo("1101**********002X");
        assertThat(page.body()).doesNotContain(A).doesNotContain(B).doesNotContain("subjectId").doesNotContain(removed);

        JsonNode asked = ok(http.get("/api/v1/public/lists/spc-dishonest-debtors/records?identifier=" + A, null), 200);
        assertThat(asked.get("total").asLong()).isEqualTo(1);
        assertThat(ok(http.get("/api/v1/public/lists/spc-dishonest-debtors/records?identifier=" + B, null), 200)
                .get("total").asLong()).as("a removed record is no longer public").isZero();
        assertThat(ok(http.get("/api/v1/public/lists", null), 200)).isNotEmpty();
        assertThat(http.get("/api/v1/public/lists/no-such-list/records", null).status()).isEqualTo(404);
    }
}
