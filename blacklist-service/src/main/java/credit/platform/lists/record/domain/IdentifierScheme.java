package credit.platform.lists.record.domain;

/** The identifier schemes the registry understands (REFERENCE.md §1). */
public enum IdentifierScheme {
    RESIDENT_ID, USCC, PASSPORT, FOREIGN_PERMANENT_RESIDENT_ID
}
