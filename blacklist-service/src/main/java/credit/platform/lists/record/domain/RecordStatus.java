package credit.platform.lists.record.domain;

/**
 * Where a record stands. EXPIRED is stored by the expiry sweep once the last effective day has
 * passed; until the sweep runs it is derived from the term and the clock ({@link ListRecord#statusOn}).
 */
public enum RecordStatus {
    ACTIVE, DISPUTED, EXTENDED, REMOVED, EXPIRED;

    /** Whether a record in this status still has effect (sanctions, rewards, publication). */
    public boolean isInForce() {
        return this == ACTIVE || this == DISPUTED || this == EXTENDED;
    }
}
