package credit.platform.common.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The realm's signing keys (its JWK set), fetched lazily and <b>bounded</b>, for every JWT decoder of the
 * platform (the services' {@code JwtDecoder} and the gateway's reactive one):
 * <ul>
 *   <li>each fetch has a short connect and read timeout ({@link Settings#connectTimeout},
 *       {@link Settings#readTimeout}): an unresponsive Keycloak costs a caller at most those, never the
 *       HTTP client's defaults;</li>
 *   <li>fetches are <b>rate-limited</b>: at most one attempt per {@link Settings#minRefreshInterval}; a
 *       token whose {@code kid} is not in a set fetched that recently is refused at once (no key), and
 *       while no set could be fetched at all, callers fail at once with {@link KeysUnavailableException}
 *       until the next attempt is due;</li>
 *   <li>concurrent callers share one fetch (single flight);</li>
 *   <li>a set older than {@link Settings#maxAge} is fetched again in the background while the old one
 *       keeps answering (key rotation).</li>
 * </ul>
 * Thread-safe. {@link #keysFor(String)} never blocks; {@link #jwkSource()} waits at most the timeouts.
 */
public final class JwkSetKeys {

    private static final Logger log = LoggerFactory.getLogger(JwkSetKeys.class);

    /**
     * @param connectTimeout     TCP connect to the JWKS endpoint
     * @param readTimeout        the whole answer, from request to last byte
     * @param minRefreshInterval least time between two fetch attempts (successful or not)
     * @param maxAge             a set older than this is refreshed in the background on the next use
     */
    public record Settings(Duration connectTimeout, Duration readTimeout, Duration minRefreshInterval, Duration maxAge) {

        /** 1 s connect, 2 s read, one attempt per 10 s, refreshed after 10 min. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(10),
                    Duration.ofMinutes(10));
        }
    }

    /** Fetches the JWK set document; completes exceptionally on any failure. */
    public interface Fetcher {
        CompletableFuture<String> fetch(URI uri, Duration readTimeout);
    }

    /** The keys cannot be had: the endpoint failed (or is in its back-off after failing). */
    public static final class KeysUnavailableException extends RuntimeException {
        public KeysUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final URI uri;
    private final Settings settings;
    private final Clock clock;
    private final Fetcher fetcher;

    private volatile JWKSet current;
    private volatile Instant fetchedAt;
    private volatile Instant lastAttempt;
    private volatile Throwable lastFailure;
    private CompletableFuture<JWKSet> inFlight;

    public JwkSetKeys(URI uri, Settings settings, Clock clock, Fetcher fetcher) {
        this.uri = uri;
        this.settings = settings;
        this.clock = clock;
        this.fetcher = fetcher;
    }

    /** Keys fetched over HTTP with the JDK client and the settings' timeouts. */
    public static JwkSetKeys http(String jwkSetUri, Settings settings, Clock clock) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Fetcher fetcher = (target, readTimeout) -> client.sendAsync(HttpRequest.newBuilder(target)
                                .timeout(readTimeout).header("Accept", "application/json").GET().build(),
                        HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("the JWKS endpoint answered " + response.statusCode());
                    }
                    return response.body();
                });
        return new JwkSetKeys(URI.create(jwkSetUri), settings, clock, fetcher);
    }

    /**
     * The keys a token with key id {@code kid} may be verified with (all keys when {@code kid} is
     * null): at once from the held set; after one fetch when the set is missing, or lacks the kid and
     * was not fetched within {@code minRefreshInterval}; otherwise empty (the token is refused).
     * Fails with {@link KeysUnavailableException} when no set can be had.
     */
    public CompletableFuture<List<JWK>> keysFor(String kid) {
        JWKSet held = current;
        Instant now = clock.instant();
        if (held != null) {
            List<JWK> keys = select(held, kid);
            if (!keys.isEmpty()) {
                if (fetchedAt.plus(settings.maxAge()).isBefore(now) && attemptDue(now)) {
                    refresh(now); // rotate in the background; this caller is answered from the held set
                }
                return CompletableFuture.completedFuture(keys);
            }
        }
        CompletableFuture<JWKSet> running = running();
        if (running != null) {
            return running.handle((set, failure) -> afterFetch(set, failure, kid)); // join the fetch under way
        }
        if (!attemptDue(now)) {
            if (held != null) {
                return CompletableFuture.completedFuture(List.of()); // unknown kid, the set is fresh: refuse now
            }
            return CompletableFuture.failedFuture(new KeysUnavailableException("the authorization server's keys "
                    + "could not be fetched (last attempt " + lastAttempt + "); next attempt after "
                    + lastAttempt.plus(settings.minRefreshInterval()), lastFailure));
        }
        return refresh(now).handle((set, failure) -> afterFetch(set, failure, kid));
    }

    private List<JWK> afterFetch(JWKSet set, Throwable failure, String kid) {
        if (failure != null) {
            throw new KeysUnavailableException("the authorization server's keys could not be fetched",
                    failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure);
        }
        return select(set, kid);
    }

    private synchronized CompletableFuture<JWKSet> running() {
        return inFlight;
    }

    /** For Nimbus' JWT processors (the services' blocking decoder): waits at most the fetch timeouts. */
    public JWKSource<SecurityContext> jwkSource() {
        return (JWKSelector selector, SecurityContext context) -> {
            var ids = selector.getMatcher().getKeyIDs();
            String kid = ids == null || ids.isEmpty() ? null : ids.iterator().next();
            try {
                List<JWK> keys = keysFor(kid).get(settings.connectTimeout().plus(settings.readTimeout()).toMillis() + 500,
                        TimeUnit.MILLISECONDS);
                return selector.select(new JWKSet(keys));
            } catch (ExecutionException e) {
                throw new KeySourceException(e.getCause().getMessage(), e.getCause());
            } catch (TimeoutException e) {
                throw new KeySourceException("the authorization server's keys could not be fetched in time", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KeySourceException("interrupted while fetching the authorization server's keys", e);
            }
        };
    }

    private boolean attemptDue(Instant now) {
        Instant last = lastAttempt;
        return last == null || !now.isBefore(last.plus(settings.minRefreshInterval()));
    }

    private synchronized CompletableFuture<JWKSet> refresh(Instant now) {
        if (inFlight != null) {
            return inFlight;
        }
        lastAttempt = now;
        CompletableFuture<JWKSet> fetch;
        try {
            fetch = fetcher.fetch(uri, settings.readTimeout()).thenApply(parse());
        } catch (RuntimeException e) {
            fetch = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<JWKSet> started = fetch.whenComplete((set, failure) -> {
            synchronized (this) {
                inFlight = null;
                if (failure == null) {
                    fetchedAt = clock.instant();
                    current = set;
                    lastFailure = null;
                } else {
                    lastFailure = failure;
                    log.warn("JWK set not fetched from {}: {}", uri, failure.getClass().getSimpleName());
                }
            }
        });
        if (!started.isDone()) {
            inFlight = started;
        }
        return started;
    }

    private static Function<String, JWKSet> parse() {
        return body -> {
            try {
                return JWKSet.parse(body);
            } catch (ParseException e) {
                throw new IllegalStateException("the JWKS endpoint's answer is not a JWK set", e);
            }
        };
    }

    private static List<JWK> select(JWKSet set, String kid) {
        if (kid == null) {
            return set.getKeys();
        }
        JWK key = set.getKeyByKeyId(kid);
        return key == null ? List.of() : List.of(key);
    }
}
