package credit.platform.testsupport;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What makes an API description one a client can be generated from, checked on the real, generated
 * description (a service's {@code /v3/api-docs} or the gateway's {@code /openapi.json}): every operation
 * names the scope it needs ({@code x-required-scope}) or is explicitly open ({@code security: []});
 * every request body, success response and parameter is typed (no bare {@code object}, no
 * {@code Map<String, Object>}, no {@code ResponseEntity<?>}); every request body and success
 * response has an example, and an example names only properties its schema has. Each broken rule
 * is one line naming the operation.
 */
public final class ApiDescriptionRules {

    private static final String REQUIRED_SCOPE = "x-required-scope";

    private ApiDescriptionRules() {
    }

    /**
     * Checks a service's generated description ({@code GET /v3/api-docs}) against every rule, and that each
     * hand-written example ({@code openapi/examples.yaml}) belongs to an operation that exists; writes the
     * description to {@code target/openapi/<app>.json} for people to read.
     */
    public static void assertTypedScopedAndExemplified(String app, String json) {
        try {
            java.nio.file.Path out = java.nio.file.Path.of("target", "openapi", app + ".json");
            java.nio.file.Files.createDirectories(out.getParent());
            java.nio.file.Files.writeString(out, json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        OpenAPI api = parse(json);
        List<String> broken = new ArrayList<>(violations(api));
        Set<String> operations = new HashSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> operations.add(method + " " + path)));
        for (String written : credit.platform.common.apidocs.ApiExamples
                .fromClasspath(Thread.currentThread().getContextClassLoader()).writtenFor()) {
            if (!operations.contains(written)) {
                broken.add("openapi/examples.yaml: '" + written + "' is no operation of " + app);
            }
        }
        if (!broken.isEmpty()) {
            throw new AssertionError(app + "'s API description breaks " + broken.size() + " rule(s):\n  "
                    + String.join("\n  ", broken));
        }
    }

    public static OpenAPI parse(String json) {
        try {
            return Json31.mapper().readValue(json, OpenAPI.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not an OpenAPI description: " + e.getOriginalMessage(), e);
        }
    }

    /** Every broken rule, one line each ("POST /api/v1/x: request body application/json is untyped"). */
    public static List<String> violations(OpenAPI api) {
        List<String> out = new ArrayList<>();
        if (api.getPaths() == null || api.getPaths().isEmpty()) {
            out.add("the description has no operations");
            return out;
        }
        Map<String, String> operationIds = new java.util.HashMap<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            String name = method + " " + path;
            check(name, op, api, out);
            // a generated client names its methods after them: present and unique (OpenAPI requires it)
            if (op.getOperationId() == null || op.getOperationId().isBlank()) {
                out.add(name + ": has no operationId");
            } else {
                String other = operationIds.putIfAbsent(op.getOperationId(), name);
                if (other != null) {
                    out.add(name + ": operationId " + op.getOperationId() + " is also " + other + "'s");
                }
            }
        }));
        return out;
    }

    private static void check(String name, Operation op, OpenAPI api, List<String> out) {
        boolean open = op.getSecurity() != null && op.getSecurity().isEmpty();
        Object scope = op.getExtensions() == null ? null : op.getExtensions().get(REQUIRED_SCOPE);
        if (!open && (scope == null || String.valueOf(scope).isBlank())) {
            out.add(name + ": names no " + REQUIRED_SCOPE + " and is not marked open (security: [])");
        }
        if (op.getParameters() != null) {
            for (Parameter p : op.getParameters()) {
                if (p.getSchema() == null || !typed(p.getSchema(), api, new HashSet<>())) {
                    out.add(name + ": parameter " + p.getName() + " is untyped");
                }
            }
        }
        if (op.getRequestBody() != null) {
            content(name + ": request body", op.getRequestBody().getContent(), api, out, true);
        }
        if (op.getResponses() == null) {
            out.add(name + ": has no responses");
            return;
        }
        var success = op.getResponses().entrySet().stream().filter(e -> e.getKey().startsWith("2")).toList();
        if (success.isEmpty()) {
            out.add(name + ": documents no success response");
        }
        for (Map.Entry<String, ApiResponse> r : success) {
            if (r.getValue().getContent() != null && !r.getValue().getContent().isEmpty()) {
                content(name + ": response " + r.getKey(), r.getValue().getContent(), api, out, true);
            } else if (!r.getKey().equals("204") && !r.getKey().equals("202")) {
                out.add(name + ": response " + r.getKey() + " has no body described");
            }
        }
    }

    private static void content(String where, Content content, OpenAPI api, List<String> out, boolean needsExample) {
        if (content == null || content.isEmpty()) {
            out.add(where + " has no content described");
            return;
        }
        content.forEach((type, media) -> {
            if (media.getSchema() == null || !typed(media.getSchema(), api, new HashSet<>())) {
                out.add(where + " " + type + " is untyped");
            }
            if (needsExample && !hasExample(media)) {
                out.add(where + " " + type + " has no example");
            }
            if (media.getExample() != null && media.getSchema() != null) {
                exampleFits(where + " " + type + " example", media.getExample(), media.getSchema(), api, out, 0);
            }
        });
    }

    private static boolean hasExample(MediaType media) {
        return media.getExample() != null || media.getExamples() != null && !media.getExamples().isEmpty();
    }

    /** Whether a schema says what its values are, all the way down. */
    static boolean typed(Schema<?> schema, OpenAPI api, Set<String> seen) {
        if (schema.get$ref() != null) {
            if (!seen.add(schema.get$ref())) {
                return true; // recursive type, checked once
            }
            Schema<?> target = resolve(schema, api);
            return target != null && target.get$ref() == null && typed(target, api, seen);
        }
        for (List<Schema> composed : new List[] {schema.getAllOf(), schema.getOneOf(), schema.getAnyOf()}) {
            if (composed != null && !composed.isEmpty()) {
                return composed.stream().allMatch(s -> typed(s, api, seen));
            }
        }
        String type = type(schema);
        if (type == null) {
            return schema.getProperties() != null && !schema.getProperties().isEmpty()
                    && schema.getProperties().values().stream().allMatch(p -> typed(p, api, seen));
        }
        return switch (type) {
            case "array" -> schema.getItems() != null && typed(schema.getItems(), api, seen);
            case "object" -> {
                if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
                    yield schema.getProperties().values().stream().allMatch(p -> typed(p, api, seen));
                }
                yield schema.getAdditionalProperties() instanceof Schema<?> values && typed(values, api, seen);
            }
            default -> true; // string, integer, number, boolean
        };
    }

    @SuppressWarnings("unchecked")
    private static void exampleFits(String where, Object example, Schema<?> schema, OpenAPI api, List<String> out,
            int depth) {
        Schema<?> s = resolve(schema, api);
        if (s == null || depth > 8) {
            return;
        }
        if (example instanceof Map<?, ?> map && s.getProperties() != null && !s.getProperties().isEmpty()) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Schema<?> property = s.getProperties().get(String.valueOf(e.getKey()));
                if (property == null) {
                    out.add(where + " has property '" + e.getKey() + "', which its schema does not");
                } else if (e.getValue() != null) {
                    exampleFits(where + "." + e.getKey(), e.getValue(), property, api, out, depth + 1);
                }
            }
        } else if (example instanceof List<?> list && s.getItems() != null) {
            for (Object item : list) {
                exampleFits(where + "[]", item, s.getItems(), api, out, depth + 1);
            }
        }
    }

    private static Schema<?> resolve(Schema<?> schema, OpenAPI api) {
        Schema<?> s = schema;
        int hops = 0;
        while (s != null && s.get$ref() != null && hops++ < 10) {
            String name = s.get$ref().substring(s.get$ref().lastIndexOf('/') + 1);
            s = api.getComponents() == null || api.getComponents().getSchemas() == null ? null
                    : api.getComponents().getSchemas().get(name);
        }
        return s;
    }

    private static String type(Schema<?> s) {
        if (s.getType() != null) {
            return s.getType();
        }
        if (s.getTypes() != null) {
            return s.getTypes().stream().filter(t -> !"null".equals(t)).findFirst().orElse(null);
        }
        return null;
    }
}
