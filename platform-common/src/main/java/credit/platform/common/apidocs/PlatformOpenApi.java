package credit.platform.common.apidocs;

import credit.platform.common.security.RestRoute;
import credit.platform.common.web.Problems;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What every service's generated description says the same way, from one source each: the scope an
 * operation needs ({@code x-required-scope}, read from the service's {@link RestRoute} beans — the
 * same beans the security filter enforces), the bearer scheme (or none for an open route), the
 * RFC 9457 problem shape of every error ({@link Problems}), and examples ({@link ApiExamples}).
 */
public final class PlatformOpenApi implements OpenApiCustomizer {

    /** The extension naming the OAuth2 scope an operation needs ({@code platform.admin} also passes). */
    public static final String REQUIRED_SCOPE = "x-required-scope";
    public static final String BEARER = "bearer";
    public static final String PROBLEM = "Problem";
    public static final String PROBLEM_JSON = "application/problem+json";

    private final List<RestRoute> routes;
    private final String title;
    private final ApiExamples examples;

    public PlatformOpenApi(List<RestRoute> routes, String title, ApiExamples examples) {
        this.routes = List.copyOf(routes);
        this.title = title;
        this.examples = examples;
    }

    @Override
    public void customise(OpenAPI api) {
        api.getInfo().title(title).version("v1");
        api.setServers(null); // the caller's own address (the gateway, for integrators)
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("An access token of Keycloak realm `credit` (client credentials)"));
        components.addSchemas(PROBLEM, problemSchema());
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            HttpMethod http = HttpMethod.valueOf(method.name());
            route(http, path).ifPresent(route -> {
                if (route.open()) {
                    operation.setSecurity(List.of());
                } else {
                    operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
                    operation.addExtension(REQUIRED_SCOPE, route.scope());
                }
            });
            problems(operation);
            examples.apply(http.name() + " " + path, operation, api);
        }));
    }

    /** The route a documented operation falls under (its path variables as sample segments). */
    Optional<RestRoute> route(HttpMethod method, String documentedPath) {
        PathContainer sample = PathContainer.parsePath(documentedPath.replaceAll("\\{[^}]+}", "x"));
        return routes.stream().filter(r -> r.method().equals(method))
                .filter(r -> PathPatternParser.defaultInstance.parse(r.pattern()).matches(sample))
                .findFirst();
    }

    private static void problems(Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        // springdoc documents exception handlers' ProblemDetail as a bare object: one Problem for all
        responses.forEach((code, response) -> {
            if (!code.startsWith("2") && response.getContent() != null) {
                response.setContent(problemContent());
            }
        });
        if (!responses.containsKey("default")) {
            responses.addApiResponse("default", new ApiResponse()
                    .description("An RFC 9457 problem: `type` " + Problems.TYPE_BASE + "<name>, a human `detail`, "
                            + "and for invalid input `errors` naming each field and rule")
                    .content(problemContent()));
        }
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    static Schema<?> problemSchema() {
        Schema<Object> violation = new ObjectSchema()
                .addProperty("field", new StringSchema().example("document.number"))
                .addProperty("rule", new StringSchema().example("check-digit"))
                .addProperty("message", new StringSchema().example("the check character does not match"))
                .required(List.of("field", "rule", "message"));
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri").example(Problems.TYPE_BASE + "invalid-request"))
                .addProperty("title", new StringSchema().example("Invalid request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("document.number: the check character does not match"))
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().items(violation))
                .required(List.of("type", "title", "status"))
                .example(Map.of("type", Problems.TYPE_BASE + "invalid-request", "title", "Invalid request",
                        "status", 400, "detail", "document.number: the check character does not match",
                        "errors", List.of(Map.of("field", "document.number", "rule", "check-digit",
                                "message", "the check character does not match"))));
    }

    /** The paths of a description and their operations, for tests and the gateway. */
    public static Map<String, PathItem> paths(OpenAPI api) {
        return api.getPaths() == null ? Map.of() : api.getPaths();
    }
}
