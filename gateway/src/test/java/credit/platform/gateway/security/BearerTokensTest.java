package credit.platform.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@link BearerTokens} against Spring Security's own {@link ServerBearerTokenAuthenticationConverter}
 * (the reference: what the gateway used before), both behind the exchange firewall the security
 * chain puts in front of them: the same token, the same refusal, or nothing, for valid, malformed and
 * hostile {@code Authorization} headers.
 */
class BearerTokensTest {

    private static final String TOKEN_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/";

    private final ServerAuthenticationConverter reference = new ServerBearerTokenAuthenticationConverter();
    private final ServerAuthenticationConverter fast = new BearerTokens();

    @Property(tries = 400)
    void answersAsSpringsConverterOnWellFormedHeaders(@ForAll("wellFormed") String header, @ForAll("paths") String path) {
        String outcome = outcome(reference, path, List.of(header));
        assertThat(outcome).startsWith("token:");
        assertThat(outcome(fast, path, List.of(header))).isEqualTo(outcome);
    }

    @Property(tries = 1500)
    void answersAsSpringsConverterOnAnyHeader(@ForAll("headers") List<String> headers, @ForAll("paths") String path) {
        assertThat(outcome(fast, path, headers)).isEqualTo(outcome(reference, path, headers));
    }

    @Test
    void namedCases() {
        List<String> cases = List.of("Bearer abc", "bearer abc==", "BEARER a.b-c_d~e+f/g", "Bearer ==", "Bearer a=b",
                "Bearer  abc", "Bearer\tabc", "Bearer abc\n", "Bearer abc ", "Bearer", "Bearer ", "Bearerabc",
                "Basic dXNlcjpwYXNz", "bearer\u212Aabc", "Bearer ab\u0000c", "Bearer abc\r\nX-Forged: 1",
                "Bearer \u00e9t\u00e9", "B\u0131arer abc", "Bearer abc,Bearer def", "");
        for (String header : cases) {
            assertThat(outcome(fast, "/api/v1/travel-checks", List.of(header)))
                    .as(header).isEqualTo(outcome(reference, "/api/v1/travel-checks", List.of(header)));
        }
        assertThat(outcome(fast, "/api/v1/travel-checks", List.of())).isEqualTo("none")
                .isEqualTo(outcome(reference, "/api/v1/travel-checks", List.of()));
        assertThat(outcome(fast, "/x", List.of("Bearer abc=="))).isEqualTo("token:abc==");
        assertThat(outcome(fast, "/x", List.of("Bearer a=b"))).startsWith("refused:invalid_token");
    }

    /** What a converter answers behind the firewall: a token, a refusal (type, code, description), or none. */
    private static String outcome(ServerAuthenticationConverter converter, String path, List<String> headers) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.post(path);
        if (!headers.isEmpty()) {
            request.header(HttpHeaders.AUTHORIZATION, headers.toArray(String[]::new));
        }
        ServerWebExchange exchange = new StrictServerWebExchangeFirewall()
                .getFirewalledExchange(MockServerWebExchange.from(request)).block();
        return converter.convert(exchange)
                .map(a -> "token:" + ((BearerTokenAuthenticationToken) a).getToken())
                .onErrorResume(e -> Mono.just(e instanceof OAuth2AuthenticationException o
                        ? "refused:" + o.getError().getErrorCode() + ":" + o.getError().getDescription()
                        : "error:" + e.getClass().getName() + ":" + e.getMessage()))
                .defaultIfEmpty("none")
                .block();
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of("/api/v1/travel-checks", "/api/v1/travel-checks?access_token=abc",
                "/api/v1/travel-checks/batch?access_token=abc&access_token=def");
    }

    @Provide
    Arbitrary<String> wellFormed() {
        Arbitrary<String> scheme = Arbitraries.of("Bearer ", "bearer ", "BEARER ", "bEaReR ");
        Arbitrary<String> token = Arbitraries.strings().withChars(TOKEN_CHARS).ofMinLength(1).ofMaxLength(1200);
        Arbitrary<String> padding = Arbitraries.strings().withChars('=').ofMaxLength(3);
        return Combinators.combine(scheme, token, padding).as((s, t, p) -> s + t + p);
    }

    @Provide
    Arbitrary<List<String>> headers() {
        return Arbitraries.oneOf(wellFormed(), nearMiss(), malformed(), Arbitraries.strings().ofMaxLength(40))
                .list().ofMinSize(0).ofMaxSize(2);
    }

    /** A well-formed header with one character put in anywhere (any character, mostly one a token may not hold). */
    Arbitrary<String> nearMiss() {
        Arbitrary<Character> odd = Arbitraries.oneOf(
                Arbitraries.chars().with(" \t\r\n\u0000\u007f=,;\"'\\:@<>%!#$&*()[]{}|^`?\u00a0\u00e9\u017f\u0131\u212A\u2028\uffff"),
                Arbitraries.chars());
        return Combinators.combine(wellFormed(), odd, Arbitraries.integers().between(0, 2000))
                .as((header, c, at) -> {
                    int i = at % (header.length() + 1);
                    return header.substring(0, i) + c + header.substring(i);
                });
    }

    /** Near misses and hostile headers: wrong schemes and separators, padding in the middle, control, non-ASCII and look-alike characters. */
    Arbitrary<String> malformed() {
        Arbitrary<String> scheme = Arbitraries.of("Bearer ", "bearer ", "Bearer", "Bearer  ", "Bearer\t", "Bearer\u00a0",
                "Basic ", "", "Bearerx ", "B\u0131arer ", "Bear\u212Ar ", " Bearer ", "Bearer\r\n");
        Arbitrary<String> body = Arbitraries.strings()
                .withChars(TOKEN_CHARS + "= \t\r\n\u0000\u007f\u00e9\u017f\u0131\u212A\u2028%,;\"'\\:@<>")
                .ofMaxLength(60);
        Arbitrary<String> tail = Arbitraries.of("", "", "=", "==", " ", "\n", "\r\n", "=a", "\u0000", "\uffff");
        return Combinators.combine(scheme, body, tail).as((s, b, t) -> s + b + t);
    }
}
