package credit.platform.gateway.traffic;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import credit.platform.gateway.audit.domain.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;

/**
 * The travel-check counters per client and day (China's calendar day): requests by outcome
 * ({@code total}, {@code answered}, {@code failed} — REST) and answers by decision ({@code allow},
 * {@code deny} — REST and gRPC). Counted <b>in memory</b> on the answer path (an add, no I/O) and
 * written to the audit database every {@code flush-interval} by one {@code $inc} per client and day
 * ({@link AuditLog#addTravelCounts}), and once more when the gateway stops. A flush that fails keeps its
 * counts for the next one. What a crash loses is at most one interval of statistics, never a record:
 * DENY answers are recorded in the audit chain itself, not here.
 */
public final class TravelCheckCounts implements SmartLifecycle {

    /** The counters' names, as stored. */
    public static final String TOTAL = "total";
    public static final String ANSWERED = "answered";
    public static final String FAILED = "failed";
    public static final String ALLOW = "allow";
    public static final String DENY = "deny";

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration LAST_FLUSH_TIMEOUT = Duration.ofSeconds(3);
    private static final Logger log = LoggerFactory.getLogger(TravelCheckCounts.class);

    private record Key(String clientId, String day) {
    }

    private final AuditLog store;
    private final Clock clock;
    private final Duration interval;
    private final Map<Key, Map<String, LongAdder>> pending = new ConcurrentHashMap<>();
    private volatile Disposable timer;

    public TravelCheckCounts(AuditLog store, Clock clock, Duration interval) {
        this.store = store;
        this.clock = clock;
        this.interval = interval;
    }

    /** One travel-check request of {@code clientId} answered with HTTP {@code status}. */
    public void request(String clientId, int status) {
        add(clientId, TOTAL, 1);
        add(clientId, status >= 200 && status < 300 ? ANSWERED : FAILED, 1);
    }

    /** Answers of one request (a single check or a batch) of {@code clientId}, by decision. */
    public void decisions(String clientId, int allows, int denies) {
        if (allows > 0) {
            add(clientId, ALLOW, allows);
        }
        if (denies > 0) {
            add(clientId, DENY, denies);
        }
    }

    private void add(String clientId, String counter, long n) {
        Key key = new Key(clientId, LocalDate.ofInstant(clock.instant(), CHINA).toString());
        pending.computeIfAbsent(key, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(counter, c -> new LongAdder()).add(n);
    }

    /**
     * Writes what was counted since the last flush (one {@code $inc} per client and day); what could not
     * be written is added back for the next flush.
     */
    public Mono<Void> flush() {
        return Flux.defer(() -> {
                    List<Mono<Void>> writes = new ArrayList<>();
                    for (Key key : List.copyOf(pending.keySet())) {
                        Map<String, LongAdder> counters = pending.remove(key);
                        if (counters == null) {
                            continue;
                        }
                        Map<String, Long> increments = new LinkedHashMap<>();
                        counters.forEach((name, adder) -> {
                            long n = adder.sumThenReset();
                            if (n != 0) {
                                increments.put(name, n);
                            }
                        });
                        if (increments.isEmpty()) {
                            continue;
                        }
                        writes.add(store.addTravelCounts(key.clientId(), key.day(), increments)
                                .timeout(FLUSH_TIMEOUT)
                                .onErrorResume(e -> {
                                    log.warn("travel check counts of client {} not written yet ({}); kept for the "
                                            + "next flush", key.clientId(), e.getClass().getSimpleName());
                                    increments.forEach((name, n) -> pending.computeIfAbsent(key,
                                            k -> new ConcurrentHashMap<>()).computeIfAbsent(name,
                                            c -> new LongAdder()).add(n));
                                    return Mono.empty();
                                }));
                    }
                    return Flux.fromIterable(writes);
                })
                .concatMap(m -> m)
                .then();
    }

    @Override
    public void start() {
        timer = Flux.interval(interval, interval, Schedulers.boundedElastic())
                .onBackpressureDrop()
                .concatMap(tick -> flush(), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable t = timer;
        timer = null;
        if (t != null) {
            t.dispose();
        }
        if (pending.isEmpty()) {
            return;
        }
        try {
            flush().timeout(LAST_FLUSH_TIMEOUT).block();
        } catch (RuntimeException e) {
            log.warn("travel check counts not written at shutdown: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    /** Stops after the web server and the gRPC port (so the last answers are counted), before the Mongo client closes. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }
}
