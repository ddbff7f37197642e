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

    /** Open to everyone: health probes and the API description. */
    public static final List<String> PUBLIC_PATHS = List.of("/actuator/health", "/actuator/health/**",
            "/api/v1/scores/public/companies/*/grade", // a company's public grade (scoring: RestRoute.openGet)
            "/openapi.yaml");

    private RouteScopes() {
    }

    /** The table line a request falls under ("GET /api/v1/subjects/**"), for the audit record. */
    public static Optional<RouteScope> match(String method, String path) {
        return ALL.stream().filter(r -> r.matches(method, path)).findFirst();
    }

    static PathPattern parse(String pattern) {
        return PathPatternParser.defaultInstance.parse(pattern);
    }
}
