package credit.platform.benchmarks.frontdoor;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What an OpenTelemetry Collector is to the apps in production: an OTLP/HTTP endpoint that takes every
 * export and answers {@code 200} with an empty {@code ExportTraceServiceResponse}. The benchmark stack's
 * apps export their sampled spans here, so the figures include the export's cost as in production, and
 * no export fails (a failing export is retried and logged, which production does not pay for).
 * It reads and discards the payload; it counts the exports and their bytes for the report.
 */
final class TraceSink implements AutoCloseable {

    private final HttpServer server;
    private final AtomicLong exports = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    private TraceSink(HttpServer server) {
        this.server = server;
    }

    /** Listens on the endpoint's host and port and answers on its path. */
    static TraceSink start(String endpoint) throws IOException {
        URI uri = URI.create(endpoint);
        HttpServer server = HttpServer.create(new InetSocketAddress(uri.getHost(), uri.getPort()), 64);
        TraceSink sink = new TraceSink(server);
        server.createContext(uri.getPath(), exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                sink.bytes.addAndGet(in.transferTo(java.io.OutputStream.nullOutputStream()));
            }
            sink.exports.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon().name("trace-sink-", 0).factory()));
        server.start();
        return sink;
    }

    long exports() {
        return exports.get();
    }

    long bytes() {
        return bytes.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
