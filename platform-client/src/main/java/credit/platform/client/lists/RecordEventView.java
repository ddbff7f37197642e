package credit.platform.client.lists;

import java.time.Instant;

/**
 * One transition in a record's history.
 *
 * @param type   CREATED, DISPUTED, REINSTATED, EXTENDED, REMOVED or EXPIRED
 * @param actor  the client that made it ({@code system} for automatic expiry)
 * @param ground the removal ground for REMOVED (see {@link RemovalRequest}), otherwise null
 */
public record RecordEventView(String type, String actor, Instant at, String reason, String ground) {
}
