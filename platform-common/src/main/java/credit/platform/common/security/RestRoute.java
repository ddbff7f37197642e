package credit.platform.common.security;

import org.springframework.http.HttpMethod;

/**
 * One REST route of a service and the scope a caller needs for it. A service lists all its routes
 * as {@link RestRoute} beans; any request matching none of them is denied (deny by default).
 *
 * @param method  the HTTP method
 * @param pattern a path pattern, e.g. {@code /api/v1/subjects/**}
 * @param scope   the OAuth2 scope required, without the {@code SCOPE_} prefix
 */
public record RestRoute(HttpMethod method, String pattern, String scope) {

    public static RestRoute get(String pattern, String scope) {
        return new RestRoute(HttpMethod.GET, pattern, scope);
    }

    public static RestRoute post(String pattern, String scope) {
        return new RestRoute(HttpMethod.POST, pattern, scope);
    }
}
