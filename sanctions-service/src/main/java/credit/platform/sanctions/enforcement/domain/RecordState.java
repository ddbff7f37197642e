package credit.platform.sanctions.enforcement.domain;

/** A record's status on the lists feed, as far as enforcement cares. */
public enum RecordState {
    ACTIVE, EXTENDED,
    /**
     * Objected to, not yet decided. <b>A disputed record still binds</b>: an objection does not
     * suspend the listing (SPC provisions on the list, docs/domain.md, "SPC list": the court reviews within 15
     * days and corrects within 3 working days; the measure stands until it does). A decided
     * objection arrives as REINSTATED (binds) or REMOVED (does not).
     */
    DISPUTED,
    REMOVED, EXPIRED, UNKNOWN;

    /** Whether a record in this state triggers its measures (within its effective window). */
    public boolean binds() {
        return this == ACTIVE || this == EXTENDED || this == DISPUTED;
    }
}
