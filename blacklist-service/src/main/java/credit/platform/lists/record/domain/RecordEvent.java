package credit.platform.lists.record.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One step in a record's history.
 *
 * @param eventId unique; the change feed appends each event once, by this id
 * @param actor   the client id of the caller (the token's {@code azp})
 */
public record RecordEvent(String eventId, ChangeType type, String actor, Instant at, String reason) {

    public RecordEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }
}
