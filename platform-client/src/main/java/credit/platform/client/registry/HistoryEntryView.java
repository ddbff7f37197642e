package credit.platform.client.registry;

import java.time.Instant;

/** One change of a subject: CREATED, IDENTIFIER_ADDED, STATUS_CHANGED or REVIEWED, and the subject after it. */
public record HistoryEntryView(long version, String change, String actor, Instant at, SubjectView after) {
}
