package credit.platform.gateway.request;

/**
 * What a request does with personal data. Decided by the line of the route table the request falls
 * under ({@code RouteScopes}), never by the body's shape or a prefix of the raw path.
 */
public enum AccessKind {
    /** Reads a person's data: needs an {@code X-Purpose}, one audit entry. */
    PERSON_READ,
    /** Writes a person's data: one audit entry (purpose recorded when given). */
    PERSON_WRITE,
    /**
     * A person or a company's representative reading their own data (the self-service {@code /me}
     * routes, identity from the token): one audit entry naming them (their identifier from the token,
     * and the subjects of the answer), like any other read; no purpose is asked of them.
     */
    SELF_READ,
    /** A check whose subject travels in the body (eligibility): one audit entry, purpose recorded when given. */
    PERSON_CHECK,
    /** One travel check (a single passenger): its DENY recorded, every answer counted per client and day. */
    TRAVEL_CHECK,
    /** A batch of travel checks ({@code checks[]}): each DENY recorded, every answer counted. */
    TRAVEL_CHECK_BATCH,
    /** No personal data (list definitions, health, docs, the gateway's own endpoints). */
    NONE;

    /** Whether the request reads or writes a person's data and gets an audit entry of its own. */
    public boolean personData() {
        return this == PERSON_READ || this == PERSON_WRITE || this == PERSON_CHECK || this == SELF_READ;
    }

    /** Whether the request is a travel check (single or batch). */
    public boolean travelCheck() {
        return this == TRAVEL_CHECK || this == TRAVEL_CHECK_BATCH;
    }
}
