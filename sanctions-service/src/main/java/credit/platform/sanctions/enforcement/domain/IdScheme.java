package credit.platform.sanctions.enforcement.domain;

/** The identifier schemes the index knows subjects by. */
public enum IdScheme {
    RESIDENT_ID, PASSPORT, FOREIGN_PERMANENT_RESIDENT_ID, USCC
}
