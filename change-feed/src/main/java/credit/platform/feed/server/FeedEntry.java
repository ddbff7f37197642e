package credit.platform.feed.server;

import java.time.Instant;
import org.bson.Document;

/**
 * One entry of a change feed's log.
 *
 * @param sequence   its position: dense (1, 2, 3, …) and strictly increasing in commit order
 * @param eventId    the event it publishes; the log holds each event id once ({@code null} for entries
 *                   written before event ids were kept)
 * @param key        the aggregate it is about (record id, subject id, subject:model); compaction keeps
 *                   the latest entry per key
 * @param occurredAt when the change happened at its source
 * @param body       the feed's own fields, as stored
 */
public record FeedEntry(long sequence, String eventId, String key, Instant occurredAt, Document body) {
}
