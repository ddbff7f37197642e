package credit.platform.common.mongo;

import com.mongodb.client.MongoClient;
import java.time.Duration;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;

/**
 * MongoDB health kept current in the background, so a readiness probe is answered at once, never
 * after the driver's server selection (seconds while the database is away; a probe's own timeout is
 * often 1 s, and a probe that gets no answer tells an operator nothing).
 * <ul>
 *   <li>A virtual thread sends {@code ping} (which real MongoDB and the embedded mongo-java-server
 *       both answer; Boot's indicator sends {@code hello}, which the embedded server does not know)
 *       every {@code interval} and keeps the outcome.</li>
 *   <li>{@link #health()} answers from that outcome; while a ping has been waiting longer than
 *       {@code answerWithin} it answers DOWN ("no answer from the database"), whatever the last
 *       outcome was: the database stopped answering.</li>
 *   <li>Only the very first call before any ping has ended pings inline (bounded by the driver's
 *       server selection timeout, {@code credit.mongo.server-selection-timeout}).</li>
 * </ul>
 * The pings also make the driver look for the server again at once after an outage, so readiness
 * comes back within about one interval of the database's return. Transitions are logged (WARN when
 * the database stops answering, INFO when it answers again), never on every ping.
 */
public final class MongoReachability implements HealthIndicator, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MongoReachability.class);

    private final MongoClient client;
    private final Duration interval;
    private final Duration answerWithin;
    private volatile Health last;
    /** {@link System#nanoTime()} when the ping now in flight was sent; null when none is. */
    private volatile Long inFlightSince;
    private volatile Thread worker;
    private volatile boolean running;

    public MongoReachability(MongoClient client, Duration interval, Duration answerWithin) {
        this.client = client;
        this.interval = interval;
        this.answerWithin = answerWithin;
    }

    @Override
    public Health health() {
        Long since = inFlightSince;
        if (since != null) {
            long waitingMillis = (System.nanoTime() - since) / 1_000_000;
            if (waitingMillis > answerWithin.toMillis()) {
                return Health.down().withDetail("error", "no answer from the database")
                        .withDetail("waitingMillis", waitingMillis).build();
            }
        }
        Health health = last;
        return health != null ? health : check();
    }

    /** Pings once and keeps the outcome. */
    Health check() {
        inFlightSince = System.nanoTime();
        Health health;
        try {
            Document answer = client.getDatabase("admin").runCommand(new Document("ping", 1));
            health = Health.up().withDetail("ping", answer.get("ok")).build();
        } catch (RuntimeException e) {
            health = Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        } finally {
            inFlightSince = null;
        }
        Health before = last;
        last = health;
        if (before != null && !before.getStatus().equals(health.getStatus())) {
            if (health.getStatus().equals(org.springframework.boot.health.contributor.Status.UP)) {
                log.info("the database answers again");
            } else {
                log.warn("the database does not answer ({})", health.getDetails().get("error"));
            }
        }
        return health;
    }

    private void loop() {
        while (running) {
            try {
                check();
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the client closed under us (shutdown): stop quietly
                if (!running) {
                    return;
                }
            }
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = Thread.ofVirtual().name("mongo-reachability").start(this::loop);
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread w = worker;
        worker = null;
        if (w != null) {
            w.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the Mongo client is closed and starts after the application's own beans. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }
}
