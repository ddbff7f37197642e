package credit.platform.lists.record.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One step in a record's history.
 *
 * @param eventId  unique; the change feed appends each event once, by this id. Steps that follow from
 *                 an objection or repair application have ids derived from it, so a retried step is
 *                 recognised and not taken twice
 * @param actor    the client id of the caller (the token's {@code azp}); {@code system} for the expiry sweep
 * @param reason   why, in the actor's words
 * @param ground   the removal ground for REMOVED; {@code null} otherwise
 */
public record RecordEvent(String eventId, ChangeType type, String actor, Instant at, String reason,
        RemovalGround ground) {

    public RecordEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }

    public RecordEvent(String eventId, ChangeType type, String actor, Instant at, String reason) {
        this(eventId, type, actor, at, reason, null);
    }
}
