package credit.platform.lists.record.domain;

import java.time.Instant;

/** A change to a record, to be appended to the change feed: the event and the record after it. */
public record RecordChange(String eventId, ChangeType type, ListRecord record, Instant occurredAt) {

    public static RecordChange latestOf(ListRecord record) {
        RecordEvent event = record.latestEvent();
        return new RecordChange(event.eventId(), event.type(), record, event.at());
    }
}
