package credit.platform.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The MongoDB every integration test runs against, chosen once per JVM: a real MongoDB in a
 * Testcontainers container when a Docker engine is reachable, otherwise the embedded
 * {@code mongo-java-server} (MongoDB wire protocol, in memory, oplog on so change streams work).
 * The same tests run on either; {@link #backend()} says which one ran.
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void mongo(DynamicPropertyRegistry registry) {
 *     MongoTestServer.register(registry, "registry");
 * }
 * }</pre>
 */
public final class MongoTestServer {

    private static final Logger log = LoggerFactory.getLogger(MongoTestServer.class);
    private static final String FORCE_EMBEDDED = "credit.test.mongo.embedded";

    public enum Backend { TESTCONTAINERS, EMBEDDED }

    private static volatile Started started;

    private MongoTestServer() {
    }

    /** The connection string of the shared test server, with the given database. */
    public static String uri(String database) {
        return instance().baseUri() + "/" + database;
    }

    public static Backend backend() {
        return instance().backend();
    }

    /** Points Spring Boot's MongoDB client at the test server's {@code database}. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.mongodb.uri", () -> uri(database));
    }

    private static Started instance() {
        Started s = started;
        if (s == null) {
            synchronized (MongoTestServer.class) {
                s = started;
                if (s == null) {
                    s = start();
                    started = s;
                }
            }
        }
        return s;
    }

    private static Started start() {
        if (!Boolean.getBoolean(FORCE_EMBEDDED) && dockerAvailable()) {
            MongoDBContainer container = new MongoDBContainer("mongo:8.0").withReplicaSet();
            container.start();
            log.info("MongoTestServer: Testcontainers MongoDB at {}", container.getReplicaSetUrl());
            String url = container.getConnectionString();
            return new Started(Backend.TESTCONTAINERS, url);
        }
        MemoryBackend backend = new MemoryBackend();
        MongoServer server = new MongoServer(backend);
        server.enableOplog();
        InetSocketAddress address = server.bind();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-test-server-stop"));
        log.info("MongoTestServer: no Docker engine; embedded mongo-java-server on port {}", address.getPort());
        return new Started(Backend.EMBEDDED, "mongodb://127.0.0.1:" + address.getPort());
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    private record Started(Backend backend, String baseUri) {
    }
}
