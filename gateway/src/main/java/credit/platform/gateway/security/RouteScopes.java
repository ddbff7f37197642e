package credit.platform.gateway.security;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which scope each public route needs (docs/security.md). A request that matches no line here is
 * denied, whatever its token carries. The matrix test (RouteScopeMatrixTest) has one row per line
 * and fails when a line has none.
 */
public final class RouteScopes {

    /** May call every scoped route below. */
    public static final String ADMIN_SCOPE = "platform.admin";

    /** Not a scope: the route needs a signed-in person (a token with a {@code resident_id} claim). */
    public static final String CITIZEN = "citizen";

    public record RouteScope(HttpMethod method, String pathPattern, String scope) {

        boolean matches(String method, String path) {
            return this.method.name().equals(method)
                    && PathPatternParser.defaultInstance.parse(pathPattern).matches(PathContainer.parsePath(path));
        }

        @Override
        public String toString() {
            return method + " " + pathPattern;
        }
    }

    public static final List<RouteScope> ALL = List.of(
            new RouteScope(HttpMethod.POST, "/api/v1/subjects", "registry.write"),
            new RouteScope(HttpMethod.POST, "/api/v1/subjects/**", "registry.write"),
            new RouteScope(HttpMethod.GET, "/api/v1/subjects/**", "registry.read"),
            new RouteScope(HttpMethod.GET, "/api/v1/lists/**", "lists.read"),
            new RouteScope(HttpMethod.POST, "/api/v1/lists/**", "lists.write"),
            new RouteScope(HttpMethod.GET, "/api/v1/records/**", "lists.read"),
            new RouteScope(HttpMethod.GET, "/api/v1/scores/**", "scoring.read"),
            // publishing scoring models and batch recomputes: operators only
            new RouteScope(HttpMethod.POST, "/api/v1/scores/**", ADMIN_SCOPE),
            new RouteScope(HttpMethod.POST, "/api/v1/travel-checks/**", "travel.check"),
            new RouteScope(HttpMethod.GET, "/api/v1/travel-checks/**", "travel.check"),
            new RouteScope(HttpMethod.POST, "/api/v1/eligibility-checks/**", "eligibility.check"),
            new RouteScope(HttpMethod.GET, "/api/v1/audit/**", "audit.read"),
            new RouteScope(HttpMethod.GET, "/api/v1/me/access-log", CITIZEN));

    /**
     * Open to everyone: health probes (also {@code /livez}, {@code /readyz}: the probes on the API port
     * while the actuator has its own) and the API description.
     */
    public static final List<String> PUBLIC_PATHS = List.of("/actuator/health", "/actuator/health/**", "/livez", "/readyz",
            "/api/v1/scores/public/companies/*/grade", // a company's public grade (scoring: RestRoute.openGet)
            // the API description gathered from the services, and Swagger UI reading it
            "/openapi.yaml", "/openapi.json", "/swagger-ui.html", "/swagger-ui/**", "/webjars/swagger-ui/**",
            "/v3/api-docs/swagger-config");

    private RouteScopes() {
    }

    /** Whether a path is one of {@link #PUBLIC_PATHS} (open to everyone). */
    public static boolean isPublic(String path) {
        return PUBLIC_PATHS.stream().anyMatch(p -> parse(p).matches(PathContainer.parsePath(path)));
    }

    /** The table line a request falls under ("GET /api/v1/subjects/**"), for the audit record. */
    public static Optional<RouteScope> match(String method, String path) {
        return ALL.stream().filter(r -> r.matches(method, path)).findFirst();
    }

    static PathPattern parse(String pattern) {
        return PathPatternParser.defaultInstance.parse(pattern);
    }
}
