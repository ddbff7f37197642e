package credit.platform.gateway.audit.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import credit.platform.gateway.audit.domain.SubjectRefs;
import credit.platform.gateway.request.CanonicalIdentifiers;
import credit.platform.gateway.request.SubjectRef;
import credit.platform.identifiers.IdentifierScheme;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The persons a JSON request body or answer names, for the audit: every {@code subjectId}, every
 * identifier object of a scheme the identifier kernel knows ({@code {scheme, value, issuingCountry}}
 * as the registry and lists write it, {@code {type, number, country}} as sanctions does) in its
 * canonical form, and — in a registry answer, whose subject is the document itself — the top-level
 * {@code id}. Nothing else of the body or answer is kept or logged.
 */
final class JsonSubjects {

    /** Objects nested deeper than this are not read (no answer of the platform nests that deep). */
    static final int MAX_DEPTH = 8;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> SCHEMES = Arrays.stream(IdentifierScheme.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    private JsonSubjects() {
    }

    /**
     * @param json          the bytes of a body or answer (not JSON: nothing)
     * @param topLevelIsSubject whether the document itself is a registry subject ({@code id} names it)
     */
    static List<SubjectRef> read(byte[] json, boolean topLevelIsSubject, LocalDate today) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (RuntimeException e) {
            return List.of();
        }
        List<SubjectRef> refs = new ArrayList<>();
        if (topLevelIsSubject && root.path("id").isString() && !root.path("id").asString().isBlank()) {
            refs.add(new SubjectRef.SubjectId(root.path("id").asString().strip()));
        }
        walk(root, 0, refs, today);
        return refs;
    }

    private static void walk(JsonNode node, int depth, List<SubjectRef> refs, LocalDate today) {
        if (depth > MAX_DEPTH || refs.size() >= SubjectRefs.MAX_REFS || node == null) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                walk(item, depth + 1, refs, today);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        JsonNode subjectId = node.get("subjectId");
        if (subjectId != null && subjectId.isString() && !subjectId.asString().isBlank()) {
            add(refs, new SubjectRef.SubjectId(subjectId.asString().strip()));
        }
        identifier(node, "scheme", "value", "issuingCountry", today).ifPresent(r -> add(refs, r));
        identifier(node, "type", "number", "country", today).ifPresent(r -> add(refs, r));
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (field.getValue().isContainer()) {
                walk(field.getValue(), depth + 1, refs, today);
            }
        }
    }

    private static Optional<SubjectRef.IdentifierKey> identifier(JsonNode node, String schemeField, String valueField,
            String countryField, LocalDate today) {
        JsonNode scheme = node.get(schemeField);
        JsonNode value = node.get(valueField);
        if (scheme == null || value == null || !scheme.isString() || !value.isString()) {
            return Optional.empty();
        }
        Optional<String> name = CanonicalIdentifiers.scheme(scheme.asString());
        if (name.isEmpty() || !SCHEMES.contains(name.get())) {
            return Optional.empty();
        }
        JsonNode country = node.get(countryField);
        return CanonicalIdentifiers.key(name.get(), value.asString(),
                country != null && country.isString() ? country.asString() : null, today);
    }

    private static void add(List<SubjectRef> refs, SubjectRef ref) {
        if (!refs.contains(ref) && refs.size() < SubjectRefs.MAX_REFS) {
            refs.add(ref);
        }
    }
}
