package credit.platform.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Fetching the realm's keys is bounded: short timeouts, one attempt per interval, unknown kids refused at once. */
class JwkSetKeysTest {

    static final URI URI_ = URI.create("http://keycloak.invalid/realms/credit/protocol/openid-connect/certs");
    static final JwkSetKeys.Settings SETTINGS = new JwkSetKeys.Settings(Duration.ofMillis(200),
            Duration.ofMillis(300), Duration.ofSeconds(10), Duration.ofMinutes(10));

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Serves a key set (or fails, or never answers) and counts the fetches. */
    static final class Endpoint implements JwkSetKeys.Fetcher {
        final AtomicInteger fetches = new AtomicInteger();
        volatile String body;
        volatile boolean failing;
        final List<CompletableFuture<String>> hanging = new ArrayList<>();
        volatile boolean hang;

        @Override
        public CompletableFuture<String> fetch(URI uri, Duration readTimeout) {
            fetches.incrementAndGet();
            if (hang) {
                CompletableFuture<String> never = new CompletableFuture<>();
                hanging.add(never);
                return never;
            }
            return failing ? CompletableFuture.failedFuture(new IOException("connection refused"))
                    : CompletableFuture.completedFuture(body);
        }
    }

    static RSAKey key(String kid) throws Exception {
        return new RSAKeyGenerator(2048).keyID(kid).generate();
    }

    @Test
    void aKnownKidIsAnsweredFromTheHeldSetAndAnUnknownOneIsRefusedWithoutFetchingWhileTheSetIsFresh() throws Exception {
        Endpoint endpoint = new Endpoint();
        endpoint.body = new JWKSet(key("k1").toPublicJWK()).toString();
        MovableClock clock = new MovableClock();
        JwkSetKeys keys = new JwkSetKeys(URI_, SETTINGS, clock, endpoint);

        assertThat(keys.keysFor("k1").get()).singleElement().satisfies(k -> assertThat(k.getKeyID()).isEqualTo("k1"));
        assertThat(keys.keysFor("k1").get()).hasSize(1);
        assertThat(endpoint.fetches).hasValue(1);

        for (int i = 0; i < 100; i++) {
            assertThat(keys.keysFor("forged-" + i).get()).as("refused, no key").isEmpty();
        }
        assertThat(endpoint.fetches).as("a flood of unknown kids costs no fetch").hasValue(1);

        // a rotated key: after the interval one fetch finds it
        endpoint.body = new JWKSet(List.of(key("k1").toPublicJWK(), key("k2").toPublicJWK())).toString();
        clock.now = clock.now.plusSeconds(11);
        assertThat(keys.keysFor("k2").get()).hasSize(1);
        assertThat(endpoint.fetches).hasValue(2);
    }

    @Test
    void whileNoSetCanBeFetchedCallersFailAtOnceUntilTheNextAttemptIsDue() throws Exception {
        Endpoint endpoint = new Endpoint();
        endpoint.failing = true;
        MovableClock clock = new MovableClock();
        JwkSetKeys keys = new JwkSetKeys(URI_, SETTINGS, clock, endpoint);

        for (int i = 0; i < 20; i++) {
            CompletableFuture<?> f = keys.keysFor("k1");
            assertThat(f).isCompletedExceptionally();
            assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(JwkSetKeys.KeysUnavailableException.class);
        }
        assertThat(endpoint.fetches).hasValue(1);

        endpoint.failing = false;
        endpoint.body = new JWKSet(key("k1").toPublicJWK()).toString();
        clock.now = clock.now.plusSeconds(10);
        assertThat(keys.keysFor("k1").get()).hasSize(1);
        assertThat(endpoint.fetches).hasValue(2);
    }

    @Test
    void concurrentCallersShareOneFetch() {
        Endpoint endpoint = new Endpoint();
        endpoint.hang = true;
        JwkSetKeys keys = new JwkSetKeys(URI_, SETTINGS, new MovableClock(), endpoint);
        List<CompletableFuture<?>> waiting = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            waiting.add(keys.keysFor("k1"));
        }
        assertThat(endpoint.fetches).hasValue(1);
        endpoint.hanging.get(0).completeExceptionally(new IOException("gone"));
        assertThat(waiting).allSatisfy(f -> assertThat(f).isCompletedExceptionally());
    }

    /**
     * A real HTTP endpoint that accepts the connection and never answers (Keycloak hung): the fetch gives
     * up at the read timeout, so a caller waits that long at most — not the HTTP client's defaults.
     */
    @Test
    void anEndpointThatNeverAnswersFailsTheFetchAtTheReadTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket()) {
            silent.bind(new InetSocketAddress("127.0.0.1", 0));
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            JwkSetKeys keys = JwkSetKeys.http("http://127.0.0.1:" + silent.getLocalPort() + "/certs", SETTINGS,
                    Clock.systemUTC());
            CompletableFuture<?> f = keys.keysFor("k1");
            // bounded by the read timeout (300 ms); the generous wait only guards a stuck test
            assertThatThrownBy(() -> f.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(JwkSetKeys.KeysUnavailableException.class);
            acceptor.interrupt();
        }
    }
}
