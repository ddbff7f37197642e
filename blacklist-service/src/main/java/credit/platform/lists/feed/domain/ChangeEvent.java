package credit.platform.lists.feed.domain;

import credit.platform.lists.record.domain.ChangeType;
import credit.platform.lists.record.domain.ListRecord;
import java.time.Instant;

/**
 * One entry of the change feed.
 *
 * @param sequence strictly increasing, gap-free for readers
 * @param eventId  the record event this entry publishes; the log holds each once
 * @param record   the record as it was right after the change
 */
public record ChangeEvent(long sequence, String eventId, ChangeType type, ListRecord record, Instant occurredAt) {
}
