package credit.platform.client.travel;

import java.time.Instant;

/**
 * The enforcement-index state an answer was given at.
 *
 * @param sequence the last lists-feed sequence applied
 * @param time     when the index was last known current
 * @param stale    true when the feed had been out of reach beyond the service's bound
 */
public record AsOf(long sequence, Instant time, boolean stale) {
}
