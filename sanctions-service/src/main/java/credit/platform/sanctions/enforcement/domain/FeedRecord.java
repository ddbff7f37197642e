package credit.platform.sanctions.enforcement.domain;

import java.time.Instant;

/** A record as the lists feed (Snapshot / Watch) delivers it: its state after the change. */
public record FeedRecord(String recordId, String listId, String listKind, String subjectId, SubjectKey named,
        String authority, RecordState state, Instant effectiveFrom, Instant effectiveUntil) {

    public RestrictionRecord restriction() {
        return new RestrictionRecord(recordId, listId, listKind, authority, effectiveFrom, effectiveUntil, null);
    }

    @Override
    public String toString() {
        return "FeedRecord[" + recordId + ", " + listId + ", " + state + "]";
    }
}
