package credit.platform.common.grpc;

import credit.platform.common.security.PlatformSecurityProperties;
import java.time.Clock;
import java.time.Duration;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * This service's own access token (OAuth2 client credentials), for its calls to other services.
 * Cached until 30 s before it expires; thread-safe. A fetch is bounded ({@link #CONNECT_TIMEOUT},
 * {@link #READ_TIMEOUT}): callers needing a renewed token wait for the one fetch under way, so a fetch
 * that never ended would hold them all (seen in the front door's soak: the gateway's relay-token renewal
 * hung on an unanswered request to Keycloak and every relayed request waited behind it).
 */
public class ServiceTokenSource {

    private static final Duration REFRESH_MARGIN = Duration.ofSeconds(30);
    /** Longest wait to connect to the token endpoint. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Longest wait for the token endpoint's answer once connected. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private final PlatformSecurityProperties properties;
    private final RestClient http;
    private final Clock clock;
    private volatile Token current;

    public ServiceTokenSource(PlatformSecurityProperties properties, RestClient.Builder http, Clock clock) {
        this.properties = properties;
        JdkClientHttpRequestFactory bounded = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build());
        bounded.setReadTimeout(READ_TIMEOUT);
        this.http = http.clone().requestFactory(bounded).build();
        this.clock = clock;
    }

    public String token() {
        Token token = current;
        if (token == null || !clock.instant().isBefore(token.expiresAt().minus(REFRESH_MARGIN))) {
            synchronized (this) {
                token = current;
                if (token == null || !clock.instant().isBefore(token.expiresAt().minus(REFRESH_MARGIN))) {
                    token = fetch();
                    current = token;
                }
            }
        }
        return token.value();
    }

    /** Forgets the cached token, e.g. after a call was rejected as unauthenticated. */
    public void invalidate() {
        current = null;
    }

    @SuppressWarnings("unchecked")
    private Token fetch() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", properties.clientId());
        form.add("client_secret", properties.clientSecret());
        Map<String, Object> body = http.post()
                .uri(properties.tokenUri())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .retrieve()
                .body(Map.class);
        if (body == null || !(body.get("access_token") instanceof String value)) {
            throw new IllegalStateException("The token endpoint answered without an access_token");
        }
        long expiresIn = body.get("expires_in") instanceof Number n ? n.longValue() : 60;
        return new Token(value, clock.instant().plusSeconds(expiresIn));
    }

    private record Token(String value, Instant expiresAt) {
    }
}
