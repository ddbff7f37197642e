package credit.platform.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An embedded Mongo-protocol server of a test's own that the test can stop and start again, as an
 * operator's database outage: same port, same data (an H2 file in a temporary directory), every open
 * connection dropped at the stop. For tests of what a service answers while its database is away and
 * that it recovers by itself afterwards. (The shared {@link MongoTestServer} is never stopped.)
 *
 * <pre>{@code
 * static final StoppableMongoServer MONGO = StoppableMongoServer.start();
 * @DynamicPropertySource
 * static void mongo(DynamicPropertyRegistry registry) {
 *     registry.add("spring.mongodb.uri", () -> MONGO.uri("registry"));
 * }
 * }</pre>
 */
public final class StoppableMongoServer implements AutoCloseable {

    private final Path file;
    private final int port;
    private MongoServer server;

    private StoppableMongoServer(Path file, int port) {
        this.file = file;
        this.port = port;
    }

    /** A new server on a free loopback port, with an empty database file. */
    public static StoppableMongoServer start() {
        try {
            Path dir = Files.createTempDirectory("stoppable-mongo");
            StoppableMongoServer s = new StoppableMongoServer(dir.resolve("data.mv"), TestHttp.freePort());
            s.restart();
            Runtime.getRuntime().addShutdownHook(new Thread(s::close, "stoppable-mongo-stop"));
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The connection string of {@code database} on this server. */
    public String uri(String database) {
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }

    public synchronized boolean running() {
        return server != null;
    }

    /** Stops the server: the port is closed and every open connection is dropped; the data stays in the file. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdownNow();
            server = null;
        }
    }

    /** Starts the server again on the same port with the same data (a no-op when it runs). */
    public synchronized void restart() {
        if (server != null) {
            return;
        }
        MongoServer started = new MongoServer(new H2Backend(file.toString()));
        started.bind("127.0.0.1", port);
        server = started;
    }

    @Override
    public void close() {
        stop();
    }
}
