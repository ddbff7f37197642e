package credit.platform.lists.record.domain;

/** What happened to a record: one entry in its history and in the change feed. */
public enum ChangeType {
    CREATED, DISPUTED, REINSTATED, EXTENDED, REMOVED, EXPIRED
}
