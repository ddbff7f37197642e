package credit.platform.common.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/**
 * An example for every operation: the service's own, written for integrators in
 * {@code classpath:openapi/examples.yaml} ({@code "POST /api/v1/travel-checks": {request: …, response: …,
 * parameters: {name: value}}}), and for anything it leaves out one built from the schema itself (each
 * property with its declared example, first enum value or a value of its type and format). A
 * hand-written example that names a property its schema does not have is an error the description
 * tests report ({@code ApiDescriptionRules}).
 */
public final class ApiExamples {

    public static final String RESOURCE = "openapi/examples.yaml";
    private static final int MAX_DEPTH = 6;

    private final Map<String, Map<String, Object>> written;

    public ApiExamples(Map<String, Map<String, Object>> written) {
        this.written = Map.copyOf(written);
    }

    /** The examples in {@code classpath:openapi/examples.yaml} of this class loader, or none. */
    @SuppressWarnings("unchecked")
    public static ApiExamples fromClasspath(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new ApiExamples(Map.of());
            }
            Object loaded = new Yaml().load(in);
            return new ApiExamples(loaded == null ? Map.of() : (Map<String, Map<String, Object>>) loaded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Set<String> writtenFor() {
        return written.keySet();
    }

    @SuppressWarnings("unchecked")
    void apply(String key, Operation operation, OpenAPI api) {
        Map<String, Object> mine = written.getOrDefault(key, Map.of());
        Map<String, Object> parameters = (Map<String, Object>) mine.getOrDefault("parameters", Map.of());
        if (operation.getParameters() != null) {
            for (Parameter p : operation.getParameters()) {
                if (p.getExample() == null) {
                    Object value = parameters.get(p.getName());
                    p.setExample(value != null ? value : sample(p.getSchema(), api, 0));
                }
            }
        }
        if (operation.getRequestBody() != null) {
            fill(operation.getRequestBody().getContent(), mine.get("request"), api);
        }
        if (operation.getResponses() != null) {
            operation.getResponses().entrySet().stream().filter(e -> e.getKey().startsWith("2")).findFirst()
                    .map(Map.Entry::getValue).map(ApiResponse::getContent)
                    .ifPresent(content -> fill(content, mine.get("response"), api));
        }
    }

    private static void fill(Content content, Object written, OpenAPI api) {
        if (content == null) {
            return;
        }
        content.forEach((type, media) -> {
            if (media.getExample() == null && (media.getExamples() == null || media.getExamples().isEmpty())) {
                media.setExample(written != null ? written : sample(media.getSchema(), api, 0));
            }
        });
    }

    /** A value that fits {@code schema}: its own example, else its first enum value, else one of its type. */
    static Object sample(Schema<?> schema, OpenAPI api, int depth) {
        if (schema == null || depth > MAX_DEPTH) {
            return null;
        }
        Schema<?> s = resolve(schema, api);
        if (s.getExample() != null) {
            return s.getExample();
        }
        if (s.getEnum() != null && !s.getEnum().isEmpty()) {
            return s.getEnum().getFirst();
        }
        String type = type(s);
        if ("array".equals(type)) {
            Object item = sample(s.getItems(), api, depth + 1);
            return item == null ? List.of() : List.of(item);
        }
        if ("object".equals(type) || s.getProperties() != null) {
            Map<String, Object> out = new LinkedHashMap<>();
            if (s.getProperties() != null) {
                s.getProperties().forEach((name, property) -> {
                    Object value = sample(property, api, depth + 1);
                    if (value != null) {
                        out.put(name, value);
                    }
                });
            } else if (s.getAdditionalProperties() instanceof Schema<?> values) {
                out.put("key", sample(values, api, depth + 1));
            }
            return out;
        }
        String format = s.getFormat() == null ? "" : s.getFormat();
        return switch (type == null ? "" : type) {
            case "integer" -> 1;
            case "number" -> 1.5;
            case "boolean" -> true;
            case "string" -> switch (format) {
                case "date" -> "2026-05-01";
                case "date-time" -> "2026-05-01T08:30:00Z";
                case "uri" -> "https://credit.example/";
                case "byte" -> "AQID";
                default -> "string";
            };
            default -> null;
        };
    }

    /** Follows a {@code $ref} into the description's components. */
    public static Schema<?> resolve(Schema<?> schema, OpenAPI api) {
        Schema<?> s = schema;
        int hops = 0;
        while (s != null && s.get$ref() != null && hops++ < 10) {
            String name = s.get$ref().substring(s.get$ref().lastIndexOf('/') + 1);
            Schema<?> target = api.getComponents() == null || api.getComponents().getSchemas() == null ? null
                    : api.getComponents().getSchemas().get(name);
            if (target == null) {
                return s;
            }
            s = target;
        }
        return s;
    }

    /** The schema's type, whether written as OpenAPI 3.0 {@code type} or 3.1 {@code types}. */
    public static String type(Schema<?> s) {
        if (s.getType() != null) {
            return s.getType();
        }
        if (s.getTypes() != null) {
            return s.getTypes().stream().filter(t -> !"null".equals(t)).findFirst().orElse(null);
        }
        return null;
    }

    /** For media types whose example is set elsewhere. */
    static boolean hasExample(MediaType media) {
        return media.getExample() != null || media.getExamples() != null && !media.getExamples().isEmpty();
    }
}
