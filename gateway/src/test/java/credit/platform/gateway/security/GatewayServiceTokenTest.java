package credit.platform.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The gateway's own token under a flood: however many requests need it at once while it must be
 * fetched, the authorization server is asked once and every request gets it. Regression (attack suite,
 * anonymous flood): each request blocked a {@code boundedElastic} worker on the fetch while the fetch's
 * HTTP client queued the writing of its form on the same full pool, so the token request never sent its
 * body; every routed request hung until its caller left, then answered 503.
 */
class GatewayServiceTokenTest {

    private HttpServer keycloak;
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile int status = 200;
    /** The fake server answers once this is open (open unless a test holds it). */
    private volatile CountDownLatch hold = new CountDownLatch(0);

    private GatewayServiceToken start() throws IOException {
        keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keycloak.setExecutor(Executors.newFixedThreadPool(4));
        keycloak.createContext("/realms/credit/protocol/openid-connect/token", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            fetches.incrementAndGet();
            try {
                if (!hold.await(30, TimeUnit.SECONDS)) {
                    throw new IOException("the test never released the answer");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            byte[] body = (form.contains("grant_type=client_credentials") && status == 200
                    ? "{\"access_token\":\"" + jwt() + "\",\"expires_in\":300}" : "{\"error\":\"nope\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        keycloak.start();
        return new GatewayServiceToken(new GatewaySecurityProperties(
                "http://127.0.0.1:" + keycloak.getAddress().getPort() + "/realms/credit", "credit-platform", "",
                "credit-services", "secret-from-the-test"));
    }

    @AfterEach
    void stop() {
        if (keycloak != null) {
            keycloak.stop(0);
        }
    }

    @Test
    void aFloodOfRequestsNeedingTheTokenAtOnceAsksOnceAndEveryRequestGetsIt() throws Exception {
        GatewayServiceToken token = start();
        // far more waiting requests than the worker pool has threads (10 per core)
        int requests = 20 * Runtime.getRuntime().availableProcessors() + 50;
        List<String> got = Flux.range(0, requests)
                .flatMap(i -> token.token().subscribeOn(Schedulers.parallel()), requests)
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(got).hasSize(requests).allMatch(t -> t.equals(got.getFirst()));
        assertThat(fetches).hasValue(1);
        // and then from memory
        assertThat(token.token().block(Duration.ofSeconds(5))).isEqualTo(got.getFirst());
        assertThat(fetches).hasValue(1);
    }

    /**
     * The request that started the fetch leaves (its client timed out) while others wait: before, that
     * interrupted the fetch (ResourceAccessException ← InterruptedException, 503 for the request being
     * served) and each waiter then fetched again on its own. Now the fetch goes on for the others.
     */
    @Test
    void aCallerThatGivesUpLeavesTheFetchToTheOthers() throws Exception {
        GatewayServiceToken token = start();
        hold = new CountDownLatch(1);
        Disposable leaving = token.token().subscribe(t -> { }, e -> { });
        awaitFetches(1);
        CompletableFuture<String> staying = token.token().toFuture();
        leaving.dispose();
        hold.countDown();

        assertThat(staying.get(30, TimeUnit.SECONDS)).isNotBlank();
        assertThat(fetches).hasValue(1);
    }

    private void awaitFetches(int n) throws InterruptedException {
        for (int i = 0; i < 300 && fetches.get() < n; i++) {
            Thread.sleep(100); // bounded polling for the fake server to see the request
        }
        assertThat(fetches).hasValue(n);
    }

    @Test
    void aFailedFetchFailsItsWaitersAndTheNextRequestTriesAgain() throws Exception {
        GatewayServiceToken token = start();
        status = 401;
        assertThatThrownBy(() -> token.token().block(Duration.ofSeconds(30))).isNotNull();
        status = 200;
        assertThat(token.token().block(Duration.ofSeconds(30))).isNotBlank();
        assertThat(fetches).hasValue(2);
    }

    private static String jwt() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String claims = "{\"exp\":" + Instant.now().plusSeconds(300).getEpochSecond() + ",\"azp\":\"credit-services\"}";
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }
}
