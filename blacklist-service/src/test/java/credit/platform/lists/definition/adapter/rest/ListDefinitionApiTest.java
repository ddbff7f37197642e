package credit.platform.lists.definition.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import credit.platform.lists.support.ListsServiceTest;
import credit.platform.testsupport.TestHttp;
import java.time.Instant;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import credit.platform.lists.definition.adapter.DefinitionJson;
import credit.platform.lists.definition.domain.ListCatalog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * List definitions are versioned and only the platform admin edits them: a new version keeps the
 * previous one in its history, applies to new records, and survives re-seeding. A refused edit
 * writes nothing.
 */
class ListDefinitionApiTest extends ListsServiceTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String RAIL = "/api/v1/lists/rail-safety-offenders";

    @Autowired
    ListCatalog catalog;

    @AfterEach
    void restoreSeed() {
        mongo.getCollection("list_definitions").deleteOne(new Document("_id", "rail-safety-offenders"));
        reseed();
    }

    /** What the seed runner does at start-up. */
    void reseed() {
        try (var in = new org.springframework.core.io.ClassPathResource("lists/list-definitions.json").getInputStream()) {
            catalog.seed(java.util.Arrays.stream(JSON.readValue(in, DefinitionJson[].class))
                    .map(DefinitionJson::toDomain).toList());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String admin() {
        return TOKENS.token("platform-admin", "lists.read lists.write platform.admin", Map.of(),
                credit.platform.testsupport.TestTokens.ISSUER, credit.platform.testsupport.TestTokens.AUDIENCE,
                Instant.now().plusSeconds(300));
    }

    String edit(JsonNode current, String defaultDuration, long expectedVersion) {
        ObjectNode rules = (ObjectNode) current.get("rules").deepCopy();
        rules.put("defaultDuration", defaultDuration);
        return JSON.writeValueAsString(Map.of("rules", rules, "expectedVersion", expectedVersion));
    }

    @Test
    void platformAdminEditsARuleAsANewVersionThatNewRecordsFollowAndReseedingKeeps() {
        JsonNode seeded = JSON.readTree(http.get(RAIL, reader()).body());
        assertThat(seeded.get("version").asLong()).isEqualTo(1);
        assertThat(seeded.get("rules").get("defaultDuration").asString()).isEqualTo("P180D");

        TestHttp.Response edited = http.post(RAIL + "/definition", admin(), edit(seeded, "P90D", 1));

        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        JsonNode v2 = JSON.readTree(http.get(RAIL, reader()).body());
        assertThat(v2.get("version").asLong()).isEqualTo(2);
        assertThat(v2.get("editedBy").asString()).isEqualTo("platform-admin");
        assertThat(mongo.findById("rail-safety-offenders", Document.class, "list_definitions")
                .getList("history", Document.class)).singleElement()
                .satisfies(previous -> assertThat(previous.getString("defaultDuration")).isEqualTo("P180D"));

        JsonNode record = JSON.readTree(http.post(RAIL + "/records", agency("rail-demo", "NRA"),
                debtor("11010519491231002X", "2026-10-15", null)).body());
        assertThat(record.get("effectiveUntil").asString()).isEqualTo("2027-01-12");

        reseed();
        assertThat(JSON.readTree(http.get(RAIL, reader()).body()).get("rules").get("defaultDuration").asString())
                .as("the admin's edit survives re-seeding").isEqualTo("P90D");
    }

    @Test
    void anAgencyMayNotEditAListAndAStaleEditIsAConflictNeitherWritesAnything() {
        JsonNode seeded = JSON.readTree(http.get(RAIL, reader()).body());

        assertThat(http.post(RAIL + "/definition", agency("rail-demo", "NRA"), edit(seeded, "P90D", 1)).status())
                .isEqualTo(403);
        TestHttp.Response stale = http.post(RAIL + "/definition", admin(), edit(seeded, "P90D", 4));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(JSON.readTree(stale.body()).get("currentVersion").asLong()).isEqualTo(1);
        TestHttp.Response invalid = http.post(RAIL + "/definition", admin(), edit(seeded, "forever", 1));
        assertThat(invalid.status()).isEqualTo(400);

        JsonNode after = JSON.readTree(http.get(RAIL, reader()).body());
        assertThat(after.get("version").asLong()).isEqualTo(1);
        assertThat(after.get("rules").get("defaultDuration").asString()).isEqualTo("P180D");
    }
}
