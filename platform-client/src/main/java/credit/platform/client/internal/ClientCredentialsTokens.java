package credit.platform.client.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

import credit.platform.client.IdentityProviderUnavailableException;
import credit.platform.client.TokenRequestException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OAuth2 client-credentials tokens, fetched once and reused until 30 s before they expire.
 * Thread-safe: concurrent callers wait for one fetch instead of each fetching.
 */
public final class ClientCredentialsTokens {

    /** A token is replaced this long before it expires, so it does not expire in flight. */
    static final Duration REFRESH_MARGIN = Duration.ofSeconds(30);

    private record CachedToken(String value, Instant refreshAt) {
    }

    private final URI tokenUri;
    private final String clientId;
    private final String clientSecret;
    private final HttpClient http;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration timeout;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile CachedToken current;

    public ClientCredentialsTokens(URI tokenUri, String clientId, String clientSecret, HttpClient http,
            JsonMapper json, Clock clock, Duration timeout) {
        this.tokenUri = tokenUri;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** A token valid for at least the refresh margin, fetched if need be. */
    public String token() {
        CachedToken token = current;
        if (isFresh(token)) {
            return token.value();
        }
        lock.lock();
        try {
            token = current;
            if (!isFresh(token)) {
                token = fetch();
                current = token;
            }
            return token.value();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The platform rejected {@code rejected}: forget it, so the next {@link #token()} fetches a new
     * one. A token that was already replaced by another thread is left alone.
     */
    public void invalidate(String rejected) {
        lock.lock();
        try {
            CachedToken token = current;
            if (token != null && token.value().equals(rejected)) {
                current = null;
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean isFresh(CachedToken token) {
        return token != null && clock.instant().isBefore(token.refreshAt());
    }

    private CachedToken fetch() {
        String form = "grant_type=client_credentials"
                + "&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(tokenUri)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            // connection refused, reset, timed out: the identity provider is away, not the credentials wrong
            throw new IdentityProviderUnavailableException(0, tokenUri,
                    "could not be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenRequestException(0, null, "interrupted while fetching a token");
        }
        Instant fetchedAt = clock.instant();
        if (response.statusCode() >= 500) {
            // Keycloak failing or a proxy in front of it without an upstream: not a refusal
            throw new IdentityProviderUnavailableException(response.statusCode(), tokenUri,
                    "answered " + response.statusCode());
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() != 200 || body == null || !body.path("access_token").isString()) {
            throw new TokenRequestException(response.statusCode(),
                    body == null ? null : textOrNull(body, "error"),
                    body == null ? null : textOrNull(body, "error_description"));
        }
        long expiresIn = body.path("expires_in").asLong(60);
        Duration lifetime = Duration.ofSeconds(expiresIn);
        Duration reuseFor = lifetime.compareTo(REFRESH_MARGIN.multipliedBy(2)) > 0
                ? lifetime.minus(REFRESH_MARGIN)
                : lifetime.dividedBy(2);
        return new CachedToken(body.path("access_token").asString(), fetchedAt.plus(reuseFor));
    }

    private JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : json.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
