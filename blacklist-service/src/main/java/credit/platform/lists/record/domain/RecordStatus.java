package credit.platform.lists.record.domain;

/** Where a record stands. EXPIRED is derived from the term and the clock, never stored. */
public enum RecordStatus {
    ACTIVE, DISPUTED, EXTENDED, REMOVED, EXPIRED;

    /** Whether a record in this status still has effect (sanctions, rewards, publication). */
    public boolean isInForce() {
        return this == ACTIVE || this == DISPUTED || this == EXTENDED;
    }
}
