package credit.platform.registry.subject.domain;

/** The identifier schemes the registry knows (REFERENCE.md §1). */
public enum IdentifierScheme {
    /** GB 11643-1999 resident identity number. */
    RESIDENT_ID,
    /** GB 32100-2015 Unified Social Credit Code. */
    USCC,
    /** Passport: issuing country + number. */
    PASSPORT,
    FOREIGN_PERMANENT_RESIDENT_ID
}
