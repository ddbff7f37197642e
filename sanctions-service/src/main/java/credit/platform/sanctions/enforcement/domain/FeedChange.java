package credit.platform.sanctions.enforcement.domain;

import java.time.Instant;

/** One change from the lists feed: the record as it is after the change. */
public record FeedChange(long sequence, FeedRecord record, Instant occurredAt) {
}
