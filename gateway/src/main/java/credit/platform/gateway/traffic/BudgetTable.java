package credit.platform.gateway.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * The table the gateway replicas share their clients' demand through ({@link BudgetShares}); the Mongo
 * adapter keeps it in the audit database.
 */
public interface BudgetTable {

    /** One replica's report: when, and its smoothed demand (units per interval) per budget key. */
    record Report(String replicaId, Instant at, Map<String, Double> demand) {
    }

    /** Stores {@code mine} and returns every report at or after {@code mine.at() - liveFor}, {@code mine} included. */
    Mono<List<Report>> exchange(Report mine, Duration liveFor);
}
