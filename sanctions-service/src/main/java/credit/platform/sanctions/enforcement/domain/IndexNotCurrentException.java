package credit.platform.sanctions.enforcement.domain;

/** The index has not caught up with the feed yet, or is stale under {@link StalePolicy#REFUSE}: no decision. */
public class IndexNotCurrentException extends RuntimeException {

    public IndexNotCurrentException(String message) {
        super(message);
    }
}
