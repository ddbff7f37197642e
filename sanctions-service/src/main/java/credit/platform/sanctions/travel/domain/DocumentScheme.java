package credit.platform.sanctions.travel.domain;

/** The identifier schemes a passenger's document can be in (the registry validates the values). */
public enum DocumentScheme {
    RESIDENT_ID, PASSPORT, FOREIGN_PERMANENT_RESIDENT_ID
}
