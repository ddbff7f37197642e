package credit.platform.lists.definition.domain;

/** Who may see a list's records. */
public enum Publicity {
    /** Published (CreditChina, NECIPS), person ID numbers masked: in the public view. */
    PUBLIC,
    /** Shared among authorities for joint sanctions or rewards, not published. */
    SHARED,
    /**
     * Seen over REST only by the issuing authority and the platform admin; the services still follow it
     * over gRPC (sanctions and scores are derived from it).
     */
    RESTRICTED
}
