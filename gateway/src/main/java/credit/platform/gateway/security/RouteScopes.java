package credit.platform.gateway.security;

import java.util.List;

import org.springframework.http.HttpMethod;

/**
 * Which scope each public route needs (docs/architecture.md, REST table). A request that matches
 * no line here is denied, whatever its token carries.
 */
final class RouteScopes {

    /** May call every route below. */
    static final String ADMIN_SCOPE = "platform.admin";

    record RouteScope(HttpMethod method, String pathPattern, String scope) {
    }

    static final List<RouteScope> ALL = List.of(
            new RouteScope(HttpMethod.POST, "/api/v1/subjects", "registry.write"),
            new RouteScope(HttpMethod.GET, "/api/v1/subjects/**", "registry.read"),
            new RouteScope(HttpMethod.GET, "/api/v1/lists/**", "lists.read"),
            new RouteScope(HttpMethod.POST, "/api/v1/lists/**", "lists.write"),
            new RouteScope(HttpMethod.GET, "/api/v1/records/**", "lists.read"),
            new RouteScope(HttpMethod.GET, "/api/v1/scores/**", "scoring.read"),
            new RouteScope(HttpMethod.POST, "/api/v1/travel-checks/**", "travel.check"));

    private RouteScopes() {
    }
}
