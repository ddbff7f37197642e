package credit.platform.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

/**
 * The bearer token of a request, as Spring Security's {@link ServerBearerTokenAuthenticationConverter}
 * (default settings: the {@code Authorization} header only, no {@code access_token} query or form
 * parameter) finds it, without its cost on the common case. Spring's converter runs the regular
 * expression {@code ^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$} (case-insensitive) over the whole header,
 * a ~1 kB JWT, and merges three publishers per request (docs/benchmarks.md, the profile).
 *
 * <p>Here one loop accepts exactly the headers that expression accepts <em>and</em> reads the same
 * token from them: {@code Bearer}, any case, one space, then one or more of
 * {@code A-Z a-z 0-9 - . _ ~ + /}, then any number of {@code =}. Every other request (no header,
 * another scheme, a malformed or hostile header) is handed to Spring's converter unchanged, so its
 * answers (nothing, or "Bearer token is malformed") and the exchange firewall's refusals stay
 * Spring's own. The header is read through the request the firewall wraps, as Spring reads it.
 * {@code BearerTokensTest} checks both against each other on valid, malformed and hostile headers.
 */
public final class BearerTokens implements ServerAuthenticationConverter {

    private static final String SCHEME = "Bearer ";

    private final ServerBearerTokenAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String header;
        try {
            header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        } catch (RuntimeException refused) {
            return spring.convert(exchange); // the firewall refused the header: Spring's error, as before
        }
        String token = wellFormed(header);
        return token == null ? spring.convert(exchange) : Mono.just(new BearerTokenAuthenticationToken(token));
    }

    /** The token of a well-formed {@code Bearer} header, or {@code null} when it is anything else. */
    static String wellFormed(String header) {
        if (header == null || header.length() <= SCHEME.length()) {
            return null;
        }
        for (int i = 0; i < SCHEME.length(); i++) { // ASCII case only, as the expression (no UNICODE_CASE)
            char c = header.charAt(i);
            char s = SCHEME.charAt(i);
            if (c != s && !(Character.isLetter(s) && c < 128 && (c | 0x20) == (s | 0x20))) {
                return null;
            }
        }
        int end = header.length();
        int i = SCHEME.length();
        while (i < end && tokenChar(header.charAt(i))) {
            i++;
        }
        if (i == SCHEME.length()) {
            return null; // no token character
        }
        for (int pad = i; pad < end; pad++) {
            if (header.charAt(pad) != '=') {
                return null;
            }
        }
        return header.substring(SCHEME.length());
    }

    private static boolean tokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
