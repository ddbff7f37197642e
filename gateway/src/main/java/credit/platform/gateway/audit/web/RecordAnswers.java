package credit.platform.gateway.audit.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The subjects a list-record answer is about: a read by record id, or a page of a list, names the
 * person only in its answer ({@code subjectId} of the record, or of each item). The audit records
 * them as {@code subject:<id>}, so the person finds the access in their access log. Nothing else of
 * the answer is kept or logged.
 */
final class RecordAnswers {

    /** A page is at most this many records; more subject ids than this are not read. */
    static final int MAX_SUBJECTS = 1_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RecordAnswers() {
    }

    /** Whether the request names no subject and the answer must say whose records these are. */
    static boolean namesSubjectsOnlyInTheAnswer(String path) {
        String[] parts = path.split("/");
        // /api/v1/lists/{listId}/records[/{recordId}[/...]]
        return parts.length >= 6 && parts[1].equals("api") && parts[2].equals("v1") && parts[3].equals("lists")
                && parts[5].equals("records");
    }

    /** {@code subjectId} of the answer, of its {@code items}/{@code records}, or of its array elements. */
    static List<String> subjectIds(byte[] answer) {
        JsonNode json;
        try {
            json = JSON.readTree(answer);
        } catch (RuntimeException e) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        add(json, ids);
        for (String container : List.of("items", "records", "content")) {
            json.path(container).forEach(item -> add(item, ids));
        }
        if (json.isArray()) {
            json.forEach(item -> add(item, ids));
        }
        return List.copyOf(ids);
    }

    private static void add(JsonNode node, Set<String> ids) {
        String id = node.path("subjectId").asString("");
        if (!id.isBlank() && ids.size() < MAX_SUBJECTS) {
            ids.add(id);
        }
    }
}
