package credit.platform.lists.application.domain;

/** What a subject (or an agency for it) asks about a record. */
public enum ApplicationKind {
    /** The record is wrong: filing disputes it; upheld removes it, rejected reinstates it. */
    OBJECTION,
    /** Credit repair (NDRC Order 36): possible after the minimum publicity period; granted removes the record. */
    REPAIR,
    /**
     * A deletion ground arose (performed, settled, creditor consent, …; docs/domain.md, "SPC list", "SAMR lists"): the
     * authority removes the record within the list's removal deadline; accepted removes it on that ground.
     */
    DELETION
}
