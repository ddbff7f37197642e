package credit.platform.registry.relationship.domain;

/** Which side of a relationship the asked-about subject is on. */
public enum Direction {
    /** The subject holds the role (a person's companies). */
    OUTGOING,
    /** The role is held in the subject (a company's legal representative). */
    INCOMING,
    BOTH
}
