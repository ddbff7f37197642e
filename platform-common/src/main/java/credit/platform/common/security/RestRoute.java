package credit.platform.common.security;

import java.util.Objects;
import org.springframework.http.HttpMethod;

/**
 * One REST route of a service and the scope a caller needs for it. A service lists all its routes
 * as {@link RestRoute} beans; any request matching none of them is denied (deny by default).
 *
 * @param method  the HTTP method
 * @param pattern a path pattern, e.g. {@code /api/v1/subjects/**}
 * @param scope   the OAuth2 scope required, without the {@code SCOPE_} prefix, or {@link #OPEN} for a
 *                route anyone may call without a token (public pages: say so in the route's javadoc)
 */
public record RestRoute(HttpMethod method, String pattern, String scope) {

    /** The scope of a route open to everyone, token or not. */
    public static final String OPEN = "<open>";

    public RestRoute {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(scope, "scope: name one, or RestRoute.OPEN for a public route");
    }

    /** A GET anyone may call: only for data that is public by law (e.g. a company's grade). */
    public static RestRoute openGet(String pattern) {
        return new RestRoute(HttpMethod.GET, pattern, OPEN);
    }

    public boolean open() {
        return OPEN.equals(scope);
    }

    public static RestRoute get(String pattern, String scope) {
        return new RestRoute(HttpMethod.GET, pattern, scope);
    }

    public static RestRoute post(String pattern, String scope) {
        return new RestRoute(HttpMethod.POST, pattern, scope);
    }
}
