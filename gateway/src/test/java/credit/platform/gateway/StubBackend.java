package credit.platform.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/** A tiny HTTP server on a random port standing in for one service; it records what reached it. */
final class StubBackend implements AutoCloseable {

    record Received(String method, String pathAndQuery, String authorization, String body, String relay) {
    }

    private final String name;
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** The JSON answer to a request body; by default names the backend. */
    private volatile java.util.function.UnaryOperator<String> answers;
    /** The JSON answer to a request's path and query, when set (wins over {@link #answers}). */
    private volatile java.util.function.UnaryOperator<String> pathAnswers;

    StubBackend(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Authorization"), body,
                    exchange.getRequestHeaders().getFirst("X-Credit-Gateway")));
            java.util.function.UnaryOperator<String> answering = answers;
            java.util.function.UnaryOperator<String> byPath = pathAnswers;
            byte[] answer = (byPath != null ? byPath.apply(exchange.getRequestURI().toString())
                    : answering != null ? answering.apply(body) : "{\"backend\":\"" + name + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String name() {
        return name;
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> received() {
        return received;
    }

    /** Answers each request with {@code answering.apply(body)} until {@link #reset()}. */
    void answerWith(java.util.function.UnaryOperator<String> answering) {
        this.answers = answering;
    }

    /** Answers each request with {@code answering.apply(pathAndQuery)} until {@link #reset()}. */
    void answerByPath(java.util.function.UnaryOperator<String> answering) {
        this.pathAnswers = answering;
    }

    void reset() {
        received.clear();
        answers = null;
        pathAnswers = null;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
