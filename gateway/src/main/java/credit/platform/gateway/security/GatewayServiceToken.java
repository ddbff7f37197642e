package credit.platform.gateway.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import credit.platform.common.grpc.ServiceTokenSource;
import credit.platform.common.security.PlatformSecurityProperties;
import credit.platform.gateway.problem.GatewayProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The gateway's own token (client credentials of the service client, platform-common's
 * {@link ServiceTokenSource}): relayed to the services beside the caller's token as the proof that a
 * request came through the gateway (platform-common's {@code GatewayRelay}), and used for the
 * citizen's subject lookup. Kept in memory until 30 s before it expires, so the hot path takes it
 * without a thread hop; fetched off the event loop when it must be renewed.
 *
 * <p>One fetch at a time, whatever the demand: every caller that finds no valid token waits on the
 * same fetch (a shared future, not a worker thread each), and the fetch is never cut short by a
 * caller that gave up; the fetch itself is bounded ({@link ServiceTokenSource}'s timeouts). Before,
 * each waiting request held a {@code boundedElastic} worker blocked on the fetch, and the request that
 * started it interrupted it when its caller left: under a flood (with the Reactor-based client, which
 * queued the writing of the token request's form on that same, full pool) the fetch never sent its body,
 * every routed request hung until its caller left, then failed 503 ({@code GatewayServiceTokenTest},
 * the attack suite's anonymous flood).
 */
@Component
public class GatewayServiceToken {

    /** The header the gateway's token travels in to the services (platform-common's {@code GatewayRelay.HEADER}). */
    public static final String RELAY_HEADER = "X-Credit-Gateway";
    private static final Logger log = LoggerFactory.getLogger(GatewayServiceToken.class);
    private static final Duration MARGIN = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ServiceTokenSource tokens;
    private final Clock clock;
    private volatile Cached cached;
    private final AtomicReference<CompletableFuture<String>> fetching = new AtomicReference<>();

    private record Cached(String token, Instant renewAt) {
    }

    public GatewayServiceToken(GatewaySecurityProperties security) {
        this.clock = Clock.systemUTC();
        this.tokens = new ServiceTokenSource(new PlatformSecurityProperties(security.issuerUri(), security.audience(),
                security.tokenUri(), security.clientId(), security.clientSecret()), RestClient.builder(), clock);
    }

    /** The token, from memory or (renewal) from the one fetch in flight, run on a worker thread. */
    public Mono<String> token() {
        Cached c = cached;
        if (c != null && clock.instant().isBefore(c.renewAt())) {
            return Mono.just(c.token());
        }
        // a caller that cancels leaves the shared fetch alone (the others still wait on it)
        return Mono.fromFuture(fetch(), true);
    }

    /**
     * The value of {@link #RELAY_HEADER} for a request relayed to a service ({@code Bearer <token>}); when
     * no token can be had (the authorization server unreachable): 503 {@code authorization-server-unavailable},
     * and nothing is to be forwarded. Every way the gateway relays a request takes its header from here.
     */
    public Mono<String> relayValue() {
        Cached c = cached;
        if (c != null && clock.instant().isBefore(c.renewAt())) {
            return Mono.just("Bearer " + c.token());
        }
        return token().map(t -> "Bearer " + t).onErrorMap(e -> {
            log.warn("gateway token unavailable, request not forwarded: {}", e.getClass().getSimpleName());
            return new GatewayProblemException(HttpStatus.SERVICE_UNAVAILABLE, "authorization-server-unavailable",
                    "The gateway could not obtain its own token from the authorization server. Try again later.", e);
        });
    }

    /** The fetch in flight, or a new one started on a worker thread. */
    private CompletableFuture<String> fetch() {
        while (true) {
            CompletableFuture<String> running = fetching.get();
            if (running != null) {
                return running;
            }
            CompletableFuture<String> mine = new CompletableFuture<>();
            if (fetching.compareAndSet(null, mine)) {
                Schedulers.boundedElastic().schedule(() -> {
                    String token = null;
                    Throwable failure = null;
                    try {
                        token = blockingToken(); // memorised before it returns
                    } catch (Throwable e) {
                        failure = e;
                    }
                    // the next caller starts a new fetch (or finds the token in memory), never this one's end
                    fetching.compareAndSet(mine, null);
                    if (failure == null) {
                        mine.complete(token);
                    } else {
                        mine.completeExceptionally(failure);
                    }
                });
                return mine;
            }
        }
    }

    /** The token, fetching it on the calling thread when it must be renewed (never on an event loop). */
    public String blockingToken() {
        Cached c = cached;
        if (c != null && clock.instant().isBefore(c.renewAt())) {
            return c.token();
        }
        String token = tokens.token();
        cached = new Cached(token, expiry(token).minus(MARGIN));
        return token;
    }

    /** Forget the token (the service refused it, or it could not be used). */
    public void invalidate() {
        cached = null;
        tokens.invalidate();
    }

    private Instant expiry(String jwt) {
        try {
            String[] parts = jwt.split("\\.");
            long exp = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                    .path("exp").asLong(0);
            return exp > 0 ? Instant.ofEpochSecond(exp) : clock.instant().plus(MARGIN.multipliedBy(2));
        } catch (RuntimeException e) {
            return clock.instant().plus(MARGIN.multipliedBy(2));
        }
    }
}
