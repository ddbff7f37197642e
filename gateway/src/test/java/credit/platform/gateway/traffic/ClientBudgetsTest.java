package credit.platform.gateway.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Budgets mean what they say with several gateway replicas, and a batch is counted in checks. Time is
 * a number the test moves; the replicas share an in-memory table (the Mongo one is tested in
 * {@code MongoBudgetTableTest}).
 */
class ClientBudgetsTest {

    static final long SECOND = 1_000_000_000L;

    /** The shared table, as the Mongo adapter keeps it: the last report of each replica. */
    static final class Table implements BudgetTable {
        final Map<String, Report> reports = new ConcurrentHashMap<>();

        @Override
        public Mono<List<Report>> exchange(Report mine, Duration liveFor) {
            reports.put(mine.replicaId(), mine);
            Instant since = mine.at().minus(liveFor);
            return Mono.just(reports.values().stream().filter(r -> !r.at().isBefore(since)).toList());
        }
    }

    final AtomicLong now = new AtomicLong(1_000 * SECOND);
    final Clock clock = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

    TrafficProperties properties(int limit, int burst) {
        return new TrafficProperties(Map.of(ClientBudgets.TRAVEL_CHECK, new TrafficProperties.Budget(limit,
                Duration.ofSeconds(1), burst)), null, Map.of(), null, null, Map.of(), Duration.ofSeconds(10),
                new TrafficProperties.Replicas("", Duration.ofSeconds(1), Duration.ofSeconds(5)));
    }

    List<ClientBudgets> replicas(int n, TrafficProperties properties, Table table) {
        List<ClientBudgets> replicas = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            replicas.add(new ClientBudgets(properties, table, "gw-" + i, clock, now::get));
        }
        return replicas;
    }

    @Test
    void aBatchTakesOneUnitPerPassengerAndLeavesADebtTheClientWaitsOut() {
        ClientBudgets budgets = replicas(1, properties(100, 1000), new Table()).get(0);
        // a train of 3 000 passengers: more than the burst, let in on a full bucket, charged in full
        assertThat(budgets.take(ClientBudgets.TRAVEL_CHECK, "airline", 3000)).isEmpty();
        var refused = budgets.take(ClientBudgets.TRAVEL_CHECK, "airline", 1);
        assertThat(refused).isPresent();
        // 2 000 units of debt at 100/s: back to one unit after a little over 20 s
        assertThat(refused.get().retryAfterSeconds()).isEqualTo(21);
        now.addAndGet(15 * SECOND);
        assertThat(budgets.take(ClientBudgets.TRAVEL_CHECK, "airline", 1)).as("still in debt").isPresent();
        now.addAndGet(6 * SECOND);
        assertThat(budgets.take(ClientBudgets.TRAVEL_CHECK, "airline", 1)).isEmpty();
        assertThat(budgets.take(ClientBudgets.TRAVEL_CHECK, "rail", 1)).as("another client's budget").isEmpty();
    }

    @Test
    void chargingTheRestOfABatchNeverRefusesButCounts() {
        ClientBudgets budgets = replicas(1, properties(10, 10), new Table()).get(0);
        assertThat(budgets.take(ClientBudgets.TRAVEL_CHECK, "airline", 1)).isEmpty();
        budgets.charge(ClientBudgets.TRAVEL_CHECK, "airline", 99);
        assertThat(budgets.take(ClientBudgets.TRAVEL_CHECK, "airline", 1)).isPresent();
    }

    /**
     * However a client's traffic is spread over the replicas (all on one, which is what a single gRPC
     * connection does, or any other split), once the replicas have exchanged their demand, the whole
     * platform grants that client no more than its budget (plus one burst) over a stretch of time.
     */
    @Property(tries = 60)
    void replicasTogetherGrantNoMoreThanTheBudget(@ForAll @IntRange(min = 1, max = 6) int replicaCount,
            @ForAll @Size(min = 6, max = 6) List<@IntRange(min = 0, max = 2000) Integer> offeredPerSecond) {
        int limit = 500;
        int burst = 500;
        Table table = new Table();
        List<ClientBudgets> replicas = replicas(replicaCount, properties(limit, burst), table);
        // the timer's first ticks: each replica learns who else is there (a replica joining running ones
        // learns it at its first exchange; replicas all starting at once need one more round)
        for (int round = 0; round < 2; round++) {
            replicas.forEach(r -> r.exchange().block());
        }
        int seconds = 20;
        long granted = 0;
        long offeredTotal = 0;
        for (int s = 0; s < seconds; s++) {
            // each second: every replica is offered its share of the client's calls, spread over the second
            for (int slice = 0; slice < 100; slice++) {
                now.addAndGet(SECOND / 100);
                for (int r = 0; r < replicaCount; r++) {
                    int perSlice = offeredPerSecond.get(r) / 100;
                    for (int k = 0; k < perSlice; k++) {
                        offeredTotal++;
                        if (replicas.get(r).take(ClientBudgets.TRAVEL_CHECK, "airline", 1).isEmpty()) {
                            granted++;
                        }
                    }
                }
            }
            for (ClientBudgets replica : replicas) {
                replica.exchange().block();
            }
        }
        // the rate over the whole stretch plus one burst
        long bound = (long) limit * seconds + burst;
        assertThat(granted).isLessThanOrEqualTo(bound);
        if (offeredTotal > 0) {
            assertThat(granted).isLessThanOrEqualTo(offeredTotal);
        }
    }

    @Test
    void aClientWhoseCallsAllLandOnOneReplicaGetsNearlyTheWholeBudgetThereAfterOneExchange() {
        Table table = new Table();
        List<ClientBudgets> replicas = replicas(3, properties(300, 300), table);
        replicas.forEach(r -> r.exchange().block());
        replicas.forEach(r -> r.exchange().block()); // three replicas known to each
        assertThat(replicas.get(0).replicas()).isEqualTo(3);
        assertThat(replicas.get(0).share(ClientBudgets.TRAVEL_CHECK, "airline")).isEqualTo(1.0 / 3);
        long granted = 0;
        for (int s = 0; s < 5; s++) {
            for (int i = 0; i < 600; i++) { // 600 a second offered, all to replica 0
                now.addAndGet(SECOND / 600);
                if (replicas.get(0).take(ClientBudgets.TRAVEL_CHECK, "airline", 1).isEmpty()) {
                    granted++;
                }
            }
            replicas.forEach(r -> r.exchange().block());
        }
        assertThat(replicas.get(0).share(ClientBudgets.TRAVEL_CHECK, "airline")).isGreaterThan(0.9);
        // 5 s at 300/s plus the burst, less what the first second's 1/3 share held back
        assertThat(granted).isBetween(1000L, 1800L);
    }

    @Test
    void aReplicaThatStopsReportingNoLongerCounts() {
        Table table = new Table();
        List<ClientBudgets> replicas = replicas(2, properties(100, 100), table);
        replicas.forEach(r -> r.exchange().block());
        replicas.forEach(r -> r.exchange().block());
        assertThat(replicas.get(0).replicas()).isEqualTo(2);
        table.reports.put("gw-1", new BudgetTable.Report("gw-1", Instant.parse("2026-11-30T23:59:00Z"), Map.of()));
        replicas.get(0).exchange().block();
        assertThat(replicas.get(0).replicas()).isEqualTo(1);
    }
}
