package credit.platform.identifiers;

/** The identifier schemes the platform knows (REFERENCE.md §1). */
public enum IdentifierScheme {
    /** GB 11643-1999 resident identity number (legacy GB 11643-1989 15-digit numbers are converted). */
    RESIDENT_ID,
    /** GB 32100-2015 Unified Social Credit Code. */
    USCC,
    /** Passport: issuing country (ISO 3166-1 alpha-3) + number. */
    PASSPORT,
    /** Foreign permanent resident ID card: 15-character (2004/2017) or 18-digit (2023) form. */
    FOREIGN_PERMANENT_RESIDENT_ID
}
