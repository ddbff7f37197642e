package credit.platform.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A tiny HTTP client for slice tests: JSON in, status + content type + body out. */
public final class TestHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    public TestHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Response get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), token);
    }

    public Response post(String path, String token, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), token);
    }

    public Response post(String path, String token, String json, String headerName, String headerValue) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .header(headerName, headerValue)
                .POST(HttpRequest.BodyPublishers.ofString(json)), token);
    }

    /**
     * Polls {@code path} (no token) until it answers {@code status}, at most {@code timeout}; the last
     * answer. For conditions that settle asynchronously (a probe after a database came back).
     */
    public Response awaitStatus(String path, int status, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Response last = null;
        while (true) {
            try {
                last = get(path, null);
                if (last.status() == status) {
                    return last;
                }
            } catch (UncheckedIOException e) {
                // not answering yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("GET " + path + " did not answer " + status + " within " + timeout
                        + "; last answer: " + (last == null ? "none" : last.status() + " " + last.body()));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static Response send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A free TCP port on the loopback interface, e.g. for a gRPC server in a test. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Response(int status, String contentType, String body) {
    }
}
