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

    /**
     * Not a scope: the route needs a signed-in person, a token with a {@code resident_id} claim
     * ({@link SubjectClaims}); the route answers about that person only.
     */
    public static final String PERSON = "<person>";

    /**
     * Not a scope: the route needs a company's representative, a token with a {@code uscc} claim
     * ({@link SubjectClaims}); the route answers about that company only.
     */
    public static final String COMPANY = "<company>";

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

    /** A self-service route of a signed-in person (their own data; identity from the token). */
    public static RestRoute person(HttpMethod method, String pattern) {
        return new RestRoute(method, pattern, PERSON);
    }

    /** A self-service route of a company's representative (the company's own data; identity from the token). */
    public static RestRoute company(HttpMethod method, String pattern) {
        return new RestRoute(method, pattern, COMPANY);
    }

    /** The claim the route's caller must carry ({@link #PERSON} / {@link #COMPANY} routes), else empty. */
    public java.util.Optional<String> requiredClaim() {
        return switch (scope) {
            case PERSON -> java.util.Optional.of(SubjectClaims.RESIDENT_ID);
            case COMPANY -> java.util.Optional.of(SubjectClaims.USCC);
            default -> java.util.Optional.empty();
        };
    }

    public static RestRoute get(String pattern, String scope) {
        return new RestRoute(HttpMethod.GET, pattern, scope);
    }

    public static RestRoute post(String pattern, String scope) {
        return new RestRoute(HttpMethod.POST, pattern, scope);
    }
}
