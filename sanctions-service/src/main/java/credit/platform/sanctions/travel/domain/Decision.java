package credit.platform.sanctions.travel.domain;

/** The answer to a travel check. */
public enum Decision {
    ALLOW, DENY
}
