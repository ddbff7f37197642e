package credit.platform.sanctions.enforcement.domain;

/** What checks do when the feed has been out of reach longer than the configured bound. */
public enum StalePolicy {
    /** Keep answering from the index, stamped with its as-of and {@code stale = true}. */
    ANSWER_FLAGGED,
    /** Refuse (503 / UNAVAILABLE): the ticketing system applies its documented fallback. */
    REFUSE
}
