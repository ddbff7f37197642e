package credit.platform.gateway.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import credit.platform.gateway.request.AccessKind;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The gateway's one route table (docs/security.md). Each line says, for a method and a path
 * pattern: the scope a caller needs, the gateway route that serves it, what the request does with
 * personal data (audit), whether its body must be JSON, and the request budget it draws on. The first
 * matching line wins; a request that matches no line is denied, whatever its token carries.
 *
 * <p>Path variables name where a request names its subject: {@code {subjectId}} becomes
 * {@code subject:<id>} in the audit, {@code {recordId}} {@code record:<id>}. The request view
 * ({@code credit.platform.gateway.request.RequestView}) matches a request against this table once;
 * security, routing, purpose, audit, budgets and size limits all read that match. The matrix tests
 * (AuthorizationMatrixTest, RouteScopeMatrixTest) have one probe per line and fail when a line has none.
 */
public final class RouteScopes {

    /** May call every scoped route below (not the internal RPCs of the services). */
    public static final String ADMIN_SCOPE = "platform.admin";

    /** Not a scope: the route needs a signed-in person (a token with a {@code resident_id} claim). */
    public static final String CITIZEN = "citizen";

    /** Not a scope: the route needs a company's representative (a token with a {@code uscc} claim). */
    public static final String COMPANY = "company";

    /** An agency's officer at the portal's desk (the agency claim then decides, in the lists service). */
    public static final String DESK = "desk.officer";

    /** Not a scope: open to everyone, with or without a token (budget: per address when anonymous). */
    public static final String OPEN = "open";

    /** The "service" of a line the gateway answers itself (no upstream route). */
    public static final String GATEWAY = "gateway";

    /** Budget names (credit.gateway.traffic.rate-limits.*). */
    public static final String BUDGET_DEFAULT = "default";
    public static final String BUDGET_TRAVEL_CHECK = "travel-check";

    /** What a line accepts as a request body. */
    public enum Body {
        /** No body expected (GET); one that comes anyway is not inspected. */
        NONE,
        /** A JSON document ({@code application/json} or {@code application/*+json}); anything else is 415. */
        JSON,
        /** Any media type (bulk import files: NDJSON, CSV, JSON). */
        ANY
    }

    /**
     * One line of the table.
     *
     * @param method      the HTTP method
     * @param pathPattern a Spring {@link PathPattern}; {@code {subjectId}} / {@code {recordId}} name the subject
     * @param scope       the scope needed (or {@link #CITIZEN}, {@link #OPEN})
     * @param service     the gateway route id that serves it (application.yml), or {@link #GATEWAY}
     * @param access      what the request does with personal data
     * @param body        what body the line accepts
     * @param budget      the request budget it draws on
     */
    public record RouteScope(HttpMethod method, String pathPattern, String scope, String service, AccessKind access,
            Body body, String budget) {

        public RouteScope {
            PARSER.parse(pathPattern); // fail at class load on a malformed pattern
        }

        boolean matches(String method, String path) {
            return this.method.name().equals(method) && pattern().matches(PathContainer.parsePath(path));
        }

        /** The path variables of {@code path} under this line ({@code subjectId}, {@code recordId}, …). */
        public Map<String, String> variables(String path) {
            PathPattern.PathMatchInfo info = pattern().matchAndExtract(PathContainer.parsePath(path));
            return info == null ? Map.of() : info.getUriVariables();
        }

        public PathPattern pattern() {
            return PATTERNS.computeIfAbsent(pathPattern, PARSER::parse);
        }

        public boolean open() {
            return OPEN.equals(scope);
        }

        @Override
        public String toString() {
            return method + " " + pathPattern;
        }
    }

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;
    private static final Map<String, PathPattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    private static RouteScope get(String pattern, String scope, String service, AccessKind access) {
        return new RouteScope(HttpMethod.GET, pattern, scope, service, access, Body.NONE, BUDGET_DEFAULT);
    }

    private static RouteScope post(String pattern, String scope, String service, AccessKind access) {
        return new RouteScope(HttpMethod.POST, pattern, scope, service, access, Body.JSON, BUDGET_DEFAULT);
    }

    private static RouteScope travel(RouteScope line) {
        return new RouteScope(line.method(), line.pathPattern(), line.scope(), line.service(), line.access(),
                line.body(), BUDGET_TRAVEL_CHECK);
    }

    private static final AccessKind READ = AccessKind.PERSON_READ;
    private static final AccessKind WRITE = AccessKind.PERSON_WRITE;
    private static final AccessKind NONE = AccessKind.NONE;
    private static final AccessKind SELF = AccessKind.SELF_READ;

    /** The table, most specific lines first (the first match wins). */
    public static final List<RouteScope> ALL = List.of(
            // registry: subjects, identifiers, relationships, permits, history, imports
            new RouteScope(HttpMethod.POST, "/api/v1/subjects/imports", "registry.write", "registry-imports", WRITE,
                    Body.ANY, BUDGET_DEFAULT),
            post("/api/v1/subjects", "registry.write", "registry", WRITE),
            post("/api/v1/subjects/{subjectId}/**", "registry.write", "registry", WRITE),
            get("/api/v1/subjects/lookup", "registry.read", "registry", READ),
            get("/api/v1/subjects/imports/**", "registry.read", "registry", READ),
            get("/api/v1/subjects/{subjectId}/**", "registry.read", "registry", READ),
            // lists: definitions, records and their lifecycle, applications
            get("/api/v1/lists", "lists.read", "lists", NONE),
            get("/api/v1/lists/applications/overdue", "lists.read", "lists", NONE),
            get("/api/v1/lists/{listId}/records", "lists.read", "lists", READ),
            get("/api/v1/lists/{listId}/records/{recordId}/**", "lists.read", "lists", READ),
            get("/api/v1/lists/{listId}", "lists.read", "lists", NONE),
            get("/api/v1/lists/**", "lists.read", "lists", READ),
            post("/api/v1/lists/{listId}/definition", "lists.write", "lists", NONE),
            post("/api/v1/lists/{listId}/records", "lists.write", "lists", WRITE),
            post("/api/v1/lists/{listId}/records/{recordId}/**", "lists.write", "lists", WRITE),
            post("/api/v1/lists/**", "lists.write", "lists", WRITE),
            get("/api/v1/records/public", "lists.read", "lists", NONE),
            get("/api/v1/records/**", "lists.read", "lists", READ),
            // scoring: a company's public grade (scoring: RestRoute.openGet), models, scores
            get("/api/v1/scores/public/companies/{uscc}/grade", OPEN, "scoring", NONE),
            get("/api/v1/scores/models/**", "scoring.read", "scoring", NONE),
            get("/api/v1/scores/{subjectId}/**", "scoring.read", "scoring", READ),
            // publishing scoring models and batch recomputes: operators only
            post("/api/v1/scores/**", ADMIN_SCOPE, "scoring", NONE),
            // sanctions: single or batch is decided here, by the route, never by the body's shape
            travel(post("/api/v1/travel-checks", "travel.check", "sanctions", AccessKind.TRAVEL_CHECK)),
            // a whole flight or train: its own gateway route (body limit, admission, time limit)
            travel(post("/api/v1/travel-checks/batch", "travel.check", "sanctions-batch",
                    AccessKind.TRAVEL_CHECK_BATCH)),
            travel(post("/api/v1/travel-checks/receipts/verify", "travel.check", "sanctions", NONE)),
            travel(get("/api/v1/travel-checks/receipt-keys", "travel.check", "sanctions", NONE)),
            post("/api/v1/eligibility-checks", "eligibility.check", "eligibility", AccessKind.PERSON_CHECK),
            // the gateway's own endpoints
            get("/api/v1/audit/**", "audit.read", GATEWAY, NONE),
            get("/api/v1/me/access-log", CITIZEN, GATEWAY, SELF),
            get("/api/v1/me/company/access-log", COMPANY, GATEWAY, SELF),
            // self-service (docs/portal.md): the caller's own data, identity from the token, never a
            // parameter; a person's (company's) reads of their own data are audited like any other read,
            // under their own identifier (no purpose asked), a filing as a write
            get("/api/v1/me/company/records", COMPANY, "lists", SELF),
            get("/api/v1/me/company/records/{recordId}", COMPANY, "lists", SELF),
            get("/api/v1/me/company/applications", COMPANY, "lists", SELF),
            post("/api/v1/me/company/records/{recordId}/**", COMPANY, "lists", WRITE),
            get("/api/v1/me/company/score", COMPANY, "scoring", SELF),
            get("/api/v1/me/company/score/**", COMPANY, "scoring", SELF),
            get("/api/v1/me/company/notices", COMPANY, "sanctions", SELF),
            post("/api/v1/me/company/notices/address", COMPANY, "sanctions", NONE),
            get("/api/v1/me/records", CITIZEN, "lists", SELF),
            get("/api/v1/me/records/{recordId}", CITIZEN, "lists", SELF),
            get("/api/v1/me/applications", CITIZEN, "lists", SELF),
            post("/api/v1/me/records/{recordId}/**", CITIZEN, "lists", WRITE),
            get("/api/v1/me/score", CITIZEN, "scoring", SELF),
            get("/api/v1/me/score/**", CITIZEN, "scoring", SELF),
            get("/api/v1/me/notices", CITIZEN, "sanctions", SELF),
            post("/api/v1/me/notices/address", CITIZEN, "sanctions", NONE),
            get("/api/v1/me/travel-denials", CITIZEN, "sanctions", SELF),
            // the officer's desk at the portal: reads need a purpose and are audited (subjects from the answer)
            get("/api/v1/desk/applications", DESK, "lists", READ),
            get("/api/v1/desk/applications/{applicationId}", DESK, "lists", READ),
            post("/api/v1/desk/applications/{applicationId}/decision", DESK, "lists", WRITE),
            get("/api/v1/desk/records", DESK, "lists", READ),
            // public-by-law reads for the portal's public pages (RestRoute.openGet in each service)
            get("/api/v1/public/companies", OPEN, "registry", NONE),
            get("/api/v1/public/companies/{uscc}", OPEN, "registry", NONE),
            get("/api/v1/public/companies/{uscc}/records", OPEN, "lists", NONE),
            get("/api/v1/public/lists", OPEN, "lists", NONE),
            get("/api/v1/public/lists/{listId}/records", OPEN, "lists", NONE),
            get("/api/v1/public/models", OPEN, "scoring", NONE),
            get("/api/v1/public/measures", OPEN, "sanctions", NONE),
            // health probes (also /livez, /readyz: the probes on the API port while the actuator has its own)
            get("/actuator/health/**", OPEN, GATEWAY, NONE),
            get("/livez", OPEN, GATEWAY, NONE),
            get("/readyz", OPEN, GATEWAY, NONE),
            // the API description gathered from the services, and Swagger UI reading it
            get("/openapi.yaml", OPEN, GATEWAY, NONE),
            get("/openapi.json", OPEN, GATEWAY, NONE),
            get("/swagger-ui.html", OPEN, GATEWAY, NONE),
            get("/swagger-ui/**", OPEN, GATEWAY, NONE),
            get("/webjars/swagger-ui/**", OPEN, GATEWAY, NONE),
            get("/v3/api-docs/swagger-config", OPEN, GATEWAY, NONE));

    /** The open lines' patterns (health probes, the API description, public pages). */
    public static final List<String> PUBLIC_PATHS = ALL.stream().filter(RouteScope::open)
            .map(RouteScope::pathPattern).toList();

    private RouteScopes() {
    }

    /** Whether a path is on one of the open lines (health, the API description, public pages). */
    public static boolean isPublic(String path) {
        PathContainer parsed = PathContainer.parsePath(path);
        return ALL.stream().anyMatch(l -> l.open() && l.pattern().matches(parsed));
    }

    /** The line a request falls under ("GET /api/v1/subjects/{subjectId}/**"); empty: denied. */
    public static Optional<RouteScope> match(String method, String path) {
        PathContainer parsed = PathContainer.parsePath(path);
        for (RouteScope line : ALL) {
            if (line.method().name().equals(method) && line.pattern().matches(parsed)) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    static PathPattern parse(String pattern) {
        return PARSER.parse(pattern);
    }
}
