package credit.platform.lists.definition.domain;

/** Who may see a list's records. */
public enum Publicity {
    /** Published (CreditChina, NECIPS), person ID numbers masked. */
    PUBLIC,
    /** Shared among authorities for joint sanctions or rewards, not published. */
    AUTHORITIES_ONLY
}
