package credit.platform.gateway.apidocs;

import java.util.List;
import java.util.Map;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import credit.platform.gateway.security.RouteScopes;

/**
 * The gateway's own operations (the audit chain and a person's access log, {@code AuditEndpoints}),
 * their bodies typed from the records below (swagger's model converters, as springdoc does it), their
 * scopes read from {@link RouteScopes}; and what the description says about the gateway as a whole.
 */
final class GatewayOperations {

    static final String DESCRIPTION = """
            The one front door of the credit platform. Every operation needs a bearer token from Keycloak realm \
            `credit` (client credentials for agencies and ticketing systems) whose `scope` claim holds the scope \
            named in `x-required-scope` (or `platform.admin`); operations with `security: []` are open. Reads of \
            person data state why in `X-Purpose` and are recorded in the audit chain. Errors are RFC 9457 \
            `application/problem+json` with a stable `type` (`https://credit.example/problems/<name>`). \
            Generated from the services' own code (springdoc) and gathered here; gRPC travel checks: port 9090, \
            with server reflection.""";

    /** The problem types the gateway itself answers with (besides each service's own). */
    static final List<String> PROBLEM_TYPES = List.of("invalid-request", "purpose-required", "unauthenticated",
            "forbidden", "request-too-large", "rate-limited", "bad-gateway", "service-unavailable",
            "authorization-server-unavailable", "audit-unavailable", "gateway-timeout");

    /** {@code GET /api/v1/audit/verify}: is the chain intact (and do the given anchors lie on it)? */
    record AuditVerification(boolean intact, long entriesChecked, int anchorsChecked, Long firstBrokenSequence,
            String reason) {
    }

    /** {@code GET /api/v1/audit/head}: the chain's head, to keep outside the database. */
    record AuditHead(long sequence, String hash, String anchor) {
    }

    /** One access to a person's data, as that person sees it. */
    record Access(String time, String client, String agency, String purpose, String route, int status, long sequence) {
    }

    /**
     * {@code GET /api/v1/me/access-log} (and {@code /api/v1/me/company/access-log}): who read my data
     * (my company's), when and why; newest first, one page; {@code next}: the {@code before} of the
     * next, older page (null: no older entry).
     */
    record AccessLog(List<Access> entries, List<String> matchedBy, boolean complete, Long next) {
    }

    private GatewayOperations() {
    }

    static OpenAPI description() {
        OpenAPI api = new OpenAPI().components(new Components()).paths(new Paths());
        api.getComponents().addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT"));
        api.getPaths().addPathItem("/api/v1/audit/verify", new PathItem().get(operation(api, "GET", "/api/v1/audit/verify",
                "Whether the audit chain is intact, and whether the given anchors (sequence:hash) lie on it",
                AuditVerification.class, new AuditVerification(true, 1204, 1, null, null))
                .addParametersItem(new Parameter().in("query").name("anchors").required(false)
                        .description("Heads kept outside the database, comma-separated sequence:hash")
                        .schema(new StringSchema()).example("1200:9f2c…"))));
        api.getPaths().addPathItem("/api/v1/audit/head", new PathItem().get(operation(api, "GET", "/api/v1/audit/head",
                "The audit chain's head (sequence, hash), to keep outside the database",
                AuditHead.class, new AuditHead(1204, "9f2c0d…", "1204:9f2c0d…"))));
        api.getPaths().addPathItem("/api/v1/me/access-log", new PathItem().get(operation(api, "GET", "/api/v1/me/access-log",
                "Who read my data, when and why (a signed-in person's own token)", AccessLog.class,
                new AccessLog(List.of(new Access("2026-05-01T08:30:00Z", "court-demo", "SPC", "ENFORCEMENT",
                        "GET /api/v1/subjects/**", 200, 17)), List.of("RESIDENT_ID", "SUBJECT_ID"), true, null))
                .addParametersItem(beforeParameter())));
        Operation company = operation(api, "GET", "/api/v1/me/company/access-log",
                "Who read my company's data, when and why (the company representative's own token: its uscc claim)",
                AccessLog.class, new AccessLog(List.of(new Access("2026-05-01T08:30:00Z", "samr-demo", "SAMR",
                        "SUPERVISION", "GET /api/v1/subjects/{subjectId}/**", 200, 42)), List.of("USCC", "SUBJECT_ID"),
                        true, null))
                .operationId("getCompanyAccessLog")
                .addParametersItem(beforeParameter());
        api.getPaths().addPathItem("/api/v1/me/company/access-log", new PathItem().get(company));
        return api;
    }

    private static Parameter beforeParameter() {
        return new Parameter().in("query").name("before").required(false)
                .description("The next page: the `next` of the page before (entries older than that sequence)")
                .schema(new io.swagger.v3.oas.models.media.IntegerSchema().format("int64")).example(17);
    }

    private static Operation operation(OpenAPI api, String method, String path, String summary, Class<?> body,
            Object example) {
        ResolvedSchema resolved = ModelConverters.getInstance(true).readAllAsResolvedSchema(body);
        if (resolved.referencedSchemas != null) {
            resolved.referencedSchemas.forEach(api.getComponents()::addSchemas);
        }
        Schema<?> schema = new Schema<>().$ref(ApiDescriptions.SCHEMA_REF + body.getSimpleName());
        String scope = RouteScopes.match(method, path).map(RouteScopes.RouteScope::scope).orElseThrow();
        Operation op = new Operation().summary(summary).operationId(method.toLowerCase() + body.getSimpleName())
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")
                        .content(new Content().addMediaType("application/json",
                                new MediaType().schema(schema).example(example)))));
        op.setSecurity(List.of(new SecurityRequirement().addList("bearer")));
        op.addExtension("x-required-scope", scope);
        if (scope.equals(RouteScopes.CITIZEN)) {
            op.setDescription("Needs no scope but a person's token: one with a `resident_id` claim (web sign-in).");
        }
        if (scope.equals(RouteScopes.COMPANY)) {
            op.setDescription("Needs no scope but a company representative's token: one with a `uscc` claim (web sign-in).");
        }
        return op;
    }

    /** For tests: the example bodies, keyed like the description's paths. */
    static Map<String, Class<?>> bodies() {
        return Map.of("/api/v1/audit/verify", AuditVerification.class, "/api/v1/audit/head", AuditHead.class,
                "/api/v1/me/access-log", AccessLog.class, "/api/v1/me/company/access-log", AccessLog.class);
    }

}
