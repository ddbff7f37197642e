package credit.platform.sanctions.enforcement.adapter;

import credit.platform.sanctions.enforcement.domain.StalePolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code credit.enforcement.*}.
 *
 * @param catalogue    classpath resource of the measures catalogue and joint-sanction rules
 * @param staleAfter   how long the feed may be out of reach before answers count as stale
 * @param stalePolicy  what checks do then: ANSWER_FLAGGED (as-of stamp + stale flag) or REFUSE (503 / UNAVAILABLE)
 * @param catchUpQuiet after resuming, the watch counts as caught up once quiet this long
 * @param maxBackoff   longest pause between reconnection attempts
 * @param storeId      names this replica's own copy of the index ({@code enforcement_entries_<id>},
 *                     {@code enforcement_state_<id>}); blank = one copy. Replicas at different feed
 *                     positions must not share one (Kubernetes passes the pod name)
 */
@ConfigurationProperties("credit.enforcement")
public record EnforcementProperties(
        @DefaultValue("sanctions/catalogue.json") String catalogue,
        @DefaultValue("5m") Duration staleAfter,
        @DefaultValue("ANSWER_FLAGGED") StalePolicy stalePolicy,
        @DefaultValue("300ms") Duration catchUpQuiet,
        @DefaultValue("5s") Duration maxBackoff,
        @DefaultValue("") String storeId) {
}
