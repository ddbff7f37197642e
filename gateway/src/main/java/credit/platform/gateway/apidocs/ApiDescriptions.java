package credit.platform.gateway.apidocs;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import credit.platform.gateway.request.AccessKind;
import credit.platform.gateway.request.Purpose;
import credit.platform.gateway.security.RouteScopes;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.servers.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * The one API description integrators read ({@code GET /openapi.yaml}, {@code /openapi.json}, Swagger UI
 * at {@code /swagger-ui.html}): each service's generated description ({@code /v3/api-docs}, with the
 * scopes of its own {@code RestRoute} beans), gathered from the services the gateway routes to, kept to
 * the operations the gateway routes, plus the gateway's own ({@link GatewayOperations}) and what the
 * gateway adds on the way: {@code X-Purpose} where a read of person data needs it (decided by
 * {@link AccessKind}, as the audit filter decides it) and the gateway's own problems (401, 403, 413,
 * 429, 502–504). A service that cannot be reached is left out and named in
 * {@code x-unavailable-services}; such a description is kept only briefly.
 */
public final class ApiDescriptions {

    private static final Logger log = LoggerFactory.getLogger(ApiDescriptions.class);
    static final String SCHEMA_REF = "#/components/schemas/";
    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

    private final WebClient web;
    private final Map<String, URI> services;
    private final Clock clock;
    private final Duration keep;
    private volatile Cached cached;

    private record Cached(OpenAPI api, Instant until) {
    }

    /** @param services each service's base address by name (the gateway's route targets) */
    public ApiDescriptions(WebClient web, Map<String, URI> services, Clock clock, Duration keep) {
        this.web = web;
        this.services = Map.copyOf(new TreeMap<>(services));
        this.clock = clock;
        this.keep = keep;
    }

    /** The gathered description, with {@code baseUrl} as its one server. */
    public Mono<OpenAPI> description(String baseUrl) {
        Cached c = cached;
        Mono<OpenAPI> api = c != null && clock.instant().isBefore(c.until()) ? Mono.just(c.api()) : gather();
        return api.map(a -> withServer(a, baseUrl));
    }

    private Mono<OpenAPI> gather() {
        return Flux.fromIterable(services.entrySet())
                .flatMapSequential(e -> fetch(e.getKey(), e.getValue()))
                .collectList()
                .publishOn(Schedulers.boundedElastic())
                .map(fetched -> {
                    OpenAPI merged = merge(fetched);
                    boolean complete = !merged.getExtensions().containsKey("x-unavailable-services");
                    cached = new Cached(merged, clock.instant().plus(complete ? keep : Duration.ofSeconds(5)));
                    return merged;
                });
    }

    record Fetched(String service, OpenAPI api) {
    }

    private Mono<Fetched> fetch(String name, URI base) {
        return web.get().uri(base.resolve("/v3/api-docs")).retrieve().bodyToMono(String.class)
                .timeout(FETCH_TIMEOUT)
                .map(json -> new Fetched(name, parse(json)))
                .onErrorResume(e -> {
                    log.warn("API description of {} could not be read: {}", name, e.getClass().getSimpleName());
                    return Mono.just(new Fetched(name, null));
                });
    }

    static OpenAPI parse(String json) {
        try {
            return Json31.mapper().readValue(json, OpenAPI.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("not an OpenAPI description: " + e.getOriginalMessage(), e);
        }
    }

    /** Gathers the services' descriptions and the gateway's own into one. */
    static OpenAPI merge(List<Fetched> fetched) {
        OpenAPI out = new OpenAPI(io.swagger.v3.oas.models.SpecVersion.V31).openapi("3.1.0");
        out.info(new Info().title("Credit platform REST API").version("v1").description(GatewayOperations.DESCRIPTION));
        out.components(new Components());
        out.paths(new Paths());
        out.setExtensions(new LinkedHashMap<>());
        List<String> unavailable = new ArrayList<>();
        java.util.Set<String> operationIds = new java.util.HashSet<>();
        List<Fetched> all = new ArrayList<>(fetched);
        all.add(new Fetched("gateway", GatewayOperations.description()));
        for (Fetched f : all) {
            if (f.api() == null) {
                unavailable.add(f.service());
                continue;
            }
            OpenAPI api = renameClashes(f, out);
            if (api.getComponents() != null) {
                if (api.getComponents().getSchemas() != null) {
                    api.getComponents().getSchemas().forEach(out.getComponents()::addSchemas);
                }
                if (api.getComponents().getSecuritySchemes() != null) {
                    api.getComponents().getSecuritySchemes().forEach(out.getComponents()::addSecuritySchemes);
                }
            }
            if (api.getPaths() != null) {
                api.getPaths().forEach((path, item) -> routed(path, item).ifPresent(kept -> {
                    kept.readOperations().forEach(op -> {
                        op.setTags(List.of(f.service()));
                        // operation ids are a generated client's method names: unique over all services
                        if (op.getOperationId() != null && !operationIds.add(op.getOperationId())) {
                            op.setOperationId(f.service() + Character.toUpperCase(op.getOperationId().charAt(0))
                                    + op.getOperationId().substring(1));
                            operationIds.add(op.getOperationId());
                        }
                        gatewayAdds(path, kept, op);
                    });
                    out.getPaths().addPathItem(path, kept);
                }));
            }
        }
        if (out.getComponents().getSchemas() == null || !out.getComponents().getSchemas().containsKey("Problem")) {
            // the gateway's own problems refer to it: present even when no service could be read
            out.getComponents().addSchemas("Problem", problemSchema());
        }
        if (!unavailable.isEmpty()) {
            out.getExtensions().put("x-unavailable-services", unavailable);
        }
        return out;
    }

    /** RFC 9457 problem details as the gateway and the services write them. */
    private static Schema<?> problemSchema() {
        Schema<Object> violation = new Schema<>().type("object")
                .addProperty("field", new StringSchema()).addProperty("rule", new StringSchema())
                .addProperty("message", new StringSchema());
        return new Schema<>().type("object").description("RFC 9457 problem details (application/problem+json)")
                .addProperty("type", new StringSchema()).addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema()).addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(violation));
    }

    /** Only what the gateway routes (a line of its route table, or an open path). */
    private static java.util.Optional<PathItem> routed(String path, PathItem item) {
        String sample = sample(path);
        PathItem kept = new PathItem();
        kept.setParameters(item.getParameters());
        item.readOperationsMap().forEach((method, op) -> {
            if (RouteScopes.match(method.name(), sample).isPresent() || RouteScopes.isPublic(sample)) {
                kept.operation(method, op);
            }
        });
        return kept.readOperations().isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(kept);
    }

    /** A concrete path for a documented one, its variables as sample segments. */
    static String sample(String documentedPath) {
        return documentedPath.replaceAll("\\{[^}]+}", "x");
    }

    private static void gatewayAdds(String path, PathItem item, Operation op) {
        String method = item.readOperationsMap().entrySet().stream().filter(e -> e.getValue() == op)
                .map(e -> e.getKey().name()).findFirst().orElseThrow();
        // as the audit decides it: by the route table line the request falls under
        AccessKind kind = RouteScopes.match(method, sample(path)).map(RouteScopes.RouteScope::access)
                .orElse(AccessKind.NONE);
        boolean purposeNeeded = kind == AccessKind.PERSON_READ;
        // a self-read is recorded under the caller; no purpose is asked of a person reading their own data
        if (kind != AccessKind.NONE && !kind.travelCheck() && kind != AccessKind.SELF_READ) {
            op.addParametersItem(new Parameter().in("header").name("X-Purpose").required(purposeNeeded)
                    .description(purposeNeeded
                            ? "Why person data is read; missing or unknown is 400 purpose-required. Recorded in the audit chain."
                            : "Why, when stated; recorded in the audit chain.")
                    .schema(new StringSchema()._enum(Purpose.names())).example(Purpose.ENFORCEMENT.name()));
        }
        boolean open = op.getSecurity() != null && op.getSecurity().isEmpty();
        if (!open) {
            problem(op, "401", "No valid bearer token (unauthenticated)");
            problem(op, "403", "The token's scopes do not allow this operation (forbidden)");
        }
        if (purposeNeeded) {
            problem(op, "400", "Invalid input, or X-Purpose missing or unknown (invalid-request, purpose-required)");
        }
        ApiResponse limited = problemResponse("The client's request budget is spent (rate-limited); retry after Retry-After seconds");
        limited.addHeaderObject("Retry-After", new Header().schema(new IntegerSchema()).description("seconds"));
        op.getResponses().putIfAbsent("429", limited);
        problem(op, "413", "The body is larger than the route allows (request-too-large)");
        problem(op, "503", "The service or the audit store cannot answer now (service-unavailable, audit-unavailable); nothing was done");
        problem(op, "504", "The service did not answer in time (gateway-timeout)");
        op.addExtension("x-problem-types", GatewayOperations.PROBLEM_TYPES);
    }

    private static void problem(Operation op, String status, String description) {
        op.getResponses().putIfAbsent(status, problemResponse(description));
    }

    private static ApiResponse problemResponse(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref(SCHEMA_REF + "Problem"))));
    }

    /**
     * A schema name already taken by another service with other content gets the service's name in
     * front ({@code lists.RecordView}), in that service's own references too.
     */
    private static OpenAPI renameClashes(Fetched f, OpenAPI into) {
        if (f.api().getComponents() == null || f.api().getComponents().getSchemas() == null
                || into.getComponents().getSchemas() == null) {
            return f.api();
        }
        Set<String> clashes = new LinkedHashSet<>();
        f.api().getComponents().getSchemas().forEach((name, schema) -> {
            Schema<?> taken = into.getComponents().getSchemas().get(name);
            if (taken != null && !json(taken).equals(json(schema))) {
                clashes.add(name);
            }
        });
        if (clashes.isEmpty()) {
            return f.api();
        }
        String json = json(f.api());
        for (String name : clashes) {
            json = json.replace("\"" + SCHEMA_REF + name + "\"", "\"" + SCHEMA_REF + f.service() + "." + name + "\"");
        }
        OpenAPI renamed = parse(json);
        Map<String, Schema> schemas = new LinkedHashMap<>();
        renamed.getComponents().getSchemas().forEach((name, schema) ->
                schemas.put(clashes.contains(name) ? f.service() + "." + name : name, schema));
        renamed.getComponents().setSchemas(schemas);
        return renamed;
    }

    static String json(Object o) {
        try {
            return Json31.mapper().writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OpenAPI withServer(OpenAPI api, String baseUrl) {
        OpenAPI copy = parse(json(api));
        copy.setServers(List.of(new Server().url(baseUrl)));
        return copy;
    }
}
