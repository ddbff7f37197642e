package credit.platform.gateway.traffic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * This gateway replica's share of each client's budget, so that a budget means what it says however
 * many replicas the autoscaler runs (3–12 in production) and however a client's connections land on
 * them (one gRPC connection puts all of a client's calls on one replica).
 *
 * <p>Every {@code sync-interval} each replica reports the demand it saw per budget key (units asked for,
 * granted or not, smoothed) to a shared table and reads every live replica's report. Its share of a
 * key is {@code (mine + ε) / (total + n·ε)} with {@code n} live replicas and {@code ε} a small floor
 * (5 % of the average demand, at least one unit): over the same reports the shares of all replicas add
 * up to exactly one, a replica that serves most of a client's traffic gets most of its budget, and a
 * replica that sees the client for the first time still has a little to start with. The replicas read
 * the table one after another, not at one instant, so a replica lets its share <b>grow</b> only one
 * interval after publishing the demand behind it (it takes the smaller of the shares computed with its
 * new and with its previously published demand); a share shrinks at once. So the shares never add up
 * to much more than one even while a client's traffic moves (a property test bounds what all replicas
 * grant together). Until the first exchange (and for a key nobody reported) the share is {@code 1/n}.
 * When the table cannot be reached, the last shares stay. The table is read and written on a timer,
 * never on a request's path.
 */
final class BudgetShares {

    private volatile int replicas = 1;
    private volatile Map<String, Double> totals = Map.of();
    private volatile Map<String, Double> mine = Map.of();
    private volatile Map<String, Double> minePublishedBefore = Map.of();

    /** The share of {@code key}'s budget this replica may grant (0 < share ≤ 1). */
    double share(String key) {
        int n = replicas;
        double total = totals.getOrDefault(key, 0.0);
        if (total <= 0) {
            return 1.0 / n;
        }
        double now = mine.getOrDefault(key, 0.0);
        double before = minePublishedBefore.getOrDefault(key, 0.0);
        // a growing share takes effect one interval late, once every replica has seen the demand behind it;
        // a shrinking one at once: so the replicas' shares, read one after another, do not add up past one
        return Math.min(share(now, total, n), share(before, total - now + before, n));
    }

    private static double share(double mine, double total, int n) {
        if (total <= 0) {
            return 1.0 / n;
        }
        double epsilon = Math.max(1.0, 0.05 * total / n);
        return (mine + epsilon) / (total + n * epsilon);
    }

    int replicas() {
        return replicas;
    }

    /**
     * Takes in the reports of every live replica (this one's just written included) and what this
     * replica had published the interval before.
     */
    void update(String myId, List<BudgetTable.Report> reports, Map<String, Double> publishedBefore) {
        Map<String, Double> sums = new HashMap<>();
        Map<String, Double> own = Map.of();
        int live = 0;
        for (BudgetTable.Report r : reports) {
            live++;
            if (r.replicaId().equals(myId)) {
                own = r.demand();
            }
            r.demand().forEach((k, v) -> sums.merge(k, v, Double::sum));
        }
        this.minePublishedBefore = Map.copyOf(publishedBefore);
        this.mine = Map.copyOf(own);
        this.totals = sums;
        this.replicas = Math.max(1, live);
    }
}
