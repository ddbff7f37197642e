package credit.platform.registry.subject.domain;

import java.time.Instant;

/**
 * One change of a subject, kept in its history.
 *
 * @param version the subject's version after the change
 * @param change  what happened (CREATED, IDENTIFIER_ADDED, STATUS_CHANGED, REVIEWED)
 * @param actor   who did it (the calling client), never a person's identifier
 * @param after   the subject as it was after the change
 */
public record SubjectHistoryEntry(long version, String change, String actor, Instant at, Subject after) {
}
