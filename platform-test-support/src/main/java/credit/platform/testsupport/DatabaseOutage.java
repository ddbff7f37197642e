package credit.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outage drill of every service's {@code DatabaseAwayTest}: the real service runs on a
 * {@link StoppableMongoServer} of the test's own, which is stopped under the running app and started
 * again. The drill is the same everywhere — ready first; while the database is away readiness answers 503
 * (from the background ping, never waiting for the driver) while liveness stays 200 (no restart for a
 * database outage); once it is back the service is ready again by itself — and each test says what its
 * service answers before, during and after.
 *
 * <pre>{@code
 * static final DatabaseOutage OUTAGE = new DatabaseOutage("lists-away");
 * @DynamicPropertySource
 * static void properties(DynamicPropertyRegistry registry) {
 *     OUTAGE.register(registry);
 * }
 * @Test
 * void aDatabaseOutage() {
 *     OUTAGE.drill(http, () -> ... 200, () -> assertDatabaseUnavailable(http.get(...)), () -> ... 200);
 * }
 * }</pre>
 */
public final class DatabaseOutage implements AutoCloseable {

    /** How long readiness may take to follow the database, either way. */
    public static final Duration RECOVERY = Duration.ofSeconds(60);
    /** The problem type a request that needs the database gets while it is away. */
    public static final String DATABASE_UNAVAILABLE = "https://credit.example/problems/database-unavailable";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StoppableMongoServer mongo = StoppableMongoServer.start();
    private final String database;

    /** A server of the test's own, running, for database {@code database}. */
    public DatabaseOutage(String database) {
        this.database = database;
    }

    /**
     * The service on this server, giving up on it after a second (credit.mongo.server-selection-timeout),
     * its gRPC server on {@code grpcPort} on loopback.
     */
    public void register(DynamicPropertyRegistry registry, int grpcPort) {
        registry.add("spring.mongodb.uri", () -> mongo.uri(database));
        registry.add("credit.mongo.server-selection-timeout", () -> "1s");
        registry.add("spring.grpc.server.port", () -> grpcPort);
        registry.add("spring.grpc.server.address", () -> "127.0.0.1");
    }

    /** As {@link #register(DynamicPropertyRegistry, int)}, the gRPC server on a free port. */
    public void register(DynamicPropertyRegistry registry) {
        register(registry, TestHttp.freePort());
    }

    /**
     * The drill against the service at {@code http}: once it is ready, {@code whileUp}; the database
     * stops; {@code whileAway}, then readiness 503 and liveness 200; the database starts again; once the
     * service is ready again, {@code afterwards}.
     */
    public void drill(TestHttp http, Runnable whileUp, Runnable whileAway, Runnable afterwards) {
        http.awaitStatus("/readyz", 200, RECOVERY);
        whileUp.run();

        mongo.stop();

        whileAway.run();
        http.awaitStatus("/readyz", 503, RECOVERY);
        assertThat(http.get("/livez", null).status()).as("liveness while the database is away").isEqualTo(200);

        mongo.restart();

        http.awaitStatus("/readyz", 200, RECOVERY);
        afterwards.run();
    }

    /** A 503 problem {@code database-unavailable}: what a request that needs the database gets while it is away. */
    public static void assertDatabaseUnavailable(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("type").asString()).isEqualTo(DATABASE_UNAVAILABLE);
    }

    @Override
    public void close() {
        mongo.close();
    }
}
