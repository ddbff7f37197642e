package credit.platform.lists.feed.domain;

/** Another writer took the sequence (or appended the event) first. */
public class SequenceConflictException extends RuntimeException {

    public SequenceConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
