package credit.platform.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The gateway and Keycloak's token endpoint in one JDK HTTP server on a random port. Tokens are
 * {@code token-1}, {@code token-2}, …; API answers are queued per "METHOD /path" (the last one repeats).
 */
final class StubPlatform implements AutoCloseable {

    static final String TOKEN_PATH = "/realms/credit/protocol/openid-connect/token";

    record Call(String method, String pathAndQuery, String authorization, String idempotencyKey,
            String contentType, String accept, String body, String purpose) {
    }

    record Answer(int status, String contentType, String body, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final List<String> tokenRequestBodies = new CopyOnWriteArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
    private volatile long tokenLifetimeSeconds = 300;
    private volatile Answer tokenFailure;

    StubPlatform() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext(TOKEN_PATH, this::token);
        server.createContext("/api/", this::api);
        server.setExecutor(executor);
        server.start();
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String tokenUri() {
        return gatewayUrl() + TOKEN_PATH;
    }

    PlatformClientProperties properties() {
        return new PlatformClientProperties(gatewayUrl(), tokenUri(), "court-demo", "s3cret&=");
    }

    void tokenLifetime(long seconds) {
        tokenLifetimeSeconds = seconds;
    }

    void failTokenRequests(int status, String body) {
        tokenFailure = new Answer(status, "application/json", body, Map.of());
    }

    /** Queues an answer to "METHOD /path" (path without query). */
    StubPlatform answer(String method, String path, int status, String contentType, String body,
            Map<String, String> headers) {
        answers.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>())
                .add(new Answer(status, contentType, body, headers));
        return this;
    }

    StubPlatform answer(String method, String path, int status, String contentType, String body) {
        return answer(method, path, status, contentType, body, Map.of());
    }

    StubPlatform answerJson(String method, String path, String body) {
        return answer(method, path, 200, "application/json", body);
    }

    int tokensIssued() {
        return tokensIssued.get();
    }

    List<String> tokenRequestBodies() {
        return tokenRequestBodies;
    }

    List<Call> calls() {
        return calls;
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequestBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Answer failure = tokenFailure;
        if (failure != null) {
            send(exchange, failure);
            return;
        }
        int n = tokensIssued.incrementAndGet();
        send(exchange, new Answer(200, "application/json", """
                {"access_token":"token-%d","expires_in":%d,"token_type":"Bearer","scope":"lists.read"}"""
                .formatted(n, tokenLifetimeSeconds), Map.of()));
    }

    private void api(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var headers = exchange.getRequestHeaders();
        calls.add(new Call(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                headers.getFirst("Authorization"), headers.getFirst("Idempotency-Key"),
                headers.getFirst("Content-Type"), headers.getFirst("Accept"), body, headers.getFirst("X-Purpose")));
        Deque<Answer> queue = answers.get(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
        Answer answer;
        if (queue == null || queue.isEmpty()) {
            answer = new Answer(599, "text/plain", "no answer queued", Map.of());
        } else {
            synchronized (queue) {
                answer = queue.size() > 1 ? queue.poll() : queue.peek();
            }
        }
        send(exchange, answer);
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
        if (answer.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        }
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
