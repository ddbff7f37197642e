package credit.platform.gateway.traffic;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;

/**
 * The per-client budgets, shared by the REST front door and the gRPC one (a client's travel checks
 * draw on one {@code travel-check} budget whichever door they come through) and by all gateway
 * replicas ({@link BudgetShares}): one {@link TokenBucket} per client and budget, refilled at this
 * replica's share of the budget's rate. Budgets count <b>units</b>: a request is one unit, a
 * travel-check batch as many as it has passengers. Taking from a budget is an in-memory operation;
 * the shares are exchanged on a timer.
 */
public final class ClientBudgets implements SmartLifecycle {

    /** The budget of travel checks (ticketing systems check whole flights: larger), counted in checks. */
    public static final String TRAVEL_CHECK = "travel-check";
    /** The budget of every other request. */
    public static final String DEFAULT = "default";

    /** Demand is smoothed over intervals: new = α·this interval + (1 − α)·before. */
    private static final double SMOOTHING = 0.5;
    private static final Duration IDLE = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(ClientBudgets.class);

    private final TrafficProperties properties;
    private final BudgetTable table;
    private final String replicaId;
    private final Clock clock;
    private final LongSupplier nanos;
    private final BudgetShares shares = new BudgetShares();
    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();
    private volatile Disposable timer;
    private volatile long lastTableFailureLog;
    /** The demand this replica published at its last successful exchange. */
    private volatile Map<String, Double> published = Map.of();

    /** Refusal of a request over budget: how long to wait, and the budget as text. */
    public record OverBudget(long retryAfterSeconds, String budget) {
    }

    private static final class Entry {
        final TrafficProperties.Budget budget;
        final TokenBucket bucket;
        final LongAdder asked = new LongAdder();
        volatile double demand;
        volatile long lastUsed;

        Entry(TrafficProperties.Budget budget, TokenBucket bucket, long now) {
            this.budget = budget;
            this.bucket = bucket;
            this.lastUsed = now;
        }
    }

    public ClientBudgets(TrafficProperties properties, BudgetTable table, String replicaId, Clock clock,
            LongSupplier nanos) {
        this.properties = properties;
        this.table = table;
        this.replicaId = replicaId;
        this.clock = clock;
        this.nanos = nanos;
    }

    /**
     * Takes one request from {@code clientId}'s {@code budgetName}; empty when granted. The key is
     * a client id, or the request view's budget key ({@code client:…}, {@code citizen:…},
     * {@code address:…}).
     */
    public Optional<OverBudget> take(String budgetName, String clientId) {
        return take(budgetName, clientId, 1);
    }

    /**
     * Takes {@code units} from {@code clientId}'s {@code budgetName}: granted when the bucket holds at
     * least {@code min(units, burst share)}; a batch larger than that leaves the bucket in debt.
     */
    public Optional<OverBudget> take(String budgetName, String clientId, long units) {
        long now = nanos.getAsLong();
        Entry entry = entry(budgetName, clientId, now);
        entry.asked.add(units);
        entry.lastUsed = now;
        long wait = entry.bucket.take(units, now);
        if (wait == 0) {
            return Optional.empty();
        }
        long seconds = wait == Long.MAX_VALUE ? 60 : Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
        return Optional.of(new OverBudget(seconds, entry.budget.toString()));
    }

    /**
     * Charges {@code units} more to a request already granted (the rest of a batch, counted as its body
     * streamed): never refused, the bucket may go into debt.
     */
    public void charge(String budgetName, String clientId, long units) {
        if (units <= 0) {
            return;
        }
        long now = nanos.getAsLong();
        Entry entry = entry(budgetName, clientId, now);
        entry.asked.add(units);
        entry.bucket.charge(units, now);
    }

    private Entry entry(String budgetName, String clientId, long now) {
        String key = budgetName + ":" + clientId;
        return buckets.computeIfAbsent(key, k -> {
            TrafficProperties.Budget budget = properties.budget(budgetName);
            double share = shares.share(k);
            return new Entry(budget, new TokenBucket(budget.ratePerSecond() * share,
                    Math.max(1, budget.effectiveBurst() * share), now), now);
        });
    }

    /** This replica's share of {@code clientId}'s {@code budgetName} (for tests and diagnostics). */
    double share(String budgetName, String clientId) {
        return shares.share(budgetName + ":" + clientId);
    }

    /** Live replicas seen at the last exchange. */
    public int replicas() {
        return shares.replicas();
    }

    /**
     * Reports this replica's demand, reads the others', and resizes every bucket to this replica's new
     * share. Runs on the timer; public for tests, which call it instead of waiting.
     */
    public Mono<Void> exchange() {
        return Mono.defer(() -> {
            long now = nanos.getAsLong();
            Map<String, Double> demand = new HashMap<>();
            buckets.forEach((key, entry) -> {
                long asked = entry.asked.sumThenReset();
                entry.demand = SMOOTHING * asked + (1 - SMOOTHING) * entry.demand;
                if (now - entry.lastUsed > IDLE.toNanos() && entry.demand < 0.5) {
                    buckets.remove(key, entry);
                } else if (entry.demand > 0.001) {
                    demand.put(key, entry.demand);
                }
            });
            return table.exchange(new BudgetTable.Report(replicaId, clock.instant(), demand),
                            properties.replicas().liveFor())
                    .doOnNext(reports -> {
                        shares.update(replicaId, reports, published);
                        published = Map.copyOf(demand);
                        resize(nanos.getAsLong());
                    })
                    .then();
        });
    }

    private void resize(long now) {
        buckets.forEach((key, entry) -> {
            double share = shares.share(key);
            entry.bucket.reconfigure(entry.budget.ratePerSecond() * share,
                    Math.max(1, entry.budget.effectiveBurst() * share), now);
        });
    }

    @Override
    public void start() {
        Duration every = properties.replicas().syncInterval();
        timer = Flux.interval(Duration.ZERO, every, Schedulers.boundedElastic())
                .onBackpressureDrop()
                .concatMap(tick -> exchange().timeout(every.multipliedBy(5)).onErrorResume(e -> {
                    long t = nanos.getAsLong();
                    if (t - lastTableFailureLog > Duration.ofMinutes(1).toNanos()) {
                        lastTableFailureLog = t;
                        log.warn("budget table not reachable ({}); keeping the last shares ({} replicas)",
                                e.getClass().getSimpleName(), shares.replicas());
                    }
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable t = timer;
        timer = null;
        if (t != null) {
            t.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
