package credit.platform.sanctions.enforcement.domain;

import java.time.Instant;

/**
 * The index state an answer was given at: the last applied feed sequence, the instant the index
 * was last known to be current, and whether the feed has been out of reach beyond the bound.
 */
public record AsOf(long sequence, Instant time, boolean stale) {
}
