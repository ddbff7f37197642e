package credit.platform.gateway.audit.web;

import java.util.ArrayList;
import java.util.List;

import credit.platform.gateway.audit.domain.TravelAnswer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference reading of a REST travel check (whole bodies, parsed as trees) that
 * {@link TravelCheckScanner} must agree with while it reads the same bodies chunk by chunk. It reads
 * the passengers' documents ({@code document.type}/{@code number}/{@code country}, or the first
 * version's {@code scheme}/{@code value}/{@code issuingCountry}) and the decisions. Whether the request
 * is a single check or a batch is the route's decision ({@code POST /api/v1/travel-checks} or
 * {@code …/batch}), never the body's shape: a single check is read as one check whatever else it
 * carries (a decoy {@code checks} field is ignored, as the service ignores it), a batch as its
 * {@code checks[]} answered by {@code results[]} in order. Nothing read here is logged or kept
 * except the fingerprint of a DENY subject.
 */
final class TravelCheckBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TravelCheckBodies() {
    }

    /** The decisions of {@code answer}, each with the document of the request check it answers. */
    static List<TravelAnswer> answers(boolean batch, byte[] request, byte[] answer) {
        JsonNode answerJson;
        try {
            answerJson = JSON.readTree(answer);
        } catch (RuntimeException e) {
            return List.of();
        }
        List<JsonNode> checks = new ArrayList<>();
        try {
            JsonNode requestJson = JSON.readTree(request);
            if (batch) {
                requestJson.path("checks").forEach(checks::add);
            } else {
                checks.add(requestJson);
            }
        } catch (RuntimeException e) {
            // an unreadable request has no documents to attribute; the answer still counts
        }
        List<JsonNode> results = new ArrayList<>();
        if (batch) {
            answerJson.path("results").forEach(results::add);
        } else if (answerJson.has("decision")) {
            results.add(answerJson);
        }
        List<TravelAnswer> answers = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            JsonNode document = i < checks.size() ? checks.get(i).path("document") : JSON.missingNode();
            answers.add(new TravelAnswer(text(document, "type", "scheme"), text(document, "number", "value"),
                    text(document, "country", "issuingCountry"),
                    "DENY".equals(results.get(i).path("decision").asString(""))));
        }
        return answers;
    }

    /** A batch request's number of checks: the elements of its top-level {@code checks} array (the last one given). */
    static long checks(byte[] request) {
        try {
            JsonNode checks = JSON.readTree(request).path("checks");
            return checks.isArray() ? checks.size() : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static String text(JsonNode node, String name, String firstVersionName) {
        String value = node.path(name).asString("");
        return value.isBlank() ? node.path(firstVersionName).asString("") : value;
    }
}
