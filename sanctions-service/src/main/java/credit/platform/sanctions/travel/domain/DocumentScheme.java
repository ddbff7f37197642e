package credit.platform.sanctions.travel.domain;

/** The identity documents a passenger can present. */
public enum DocumentScheme {
    RESIDENT_ID, PASSPORT, FOREIGN_PERMANENT_RESIDENT_ID
}
