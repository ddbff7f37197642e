package credit.platform.lists.record.domain;

/** The record's status does not allow the transition asked for (e.g. removing a removed record); nothing was written. */
public class RecordStateException extends RuntimeException {

    private final RecordStatus status;

    public RecordStateException(RecordStatus status, String message) {
        super(message);
        this.status = status;
    }

    public RecordStatus status() {
        return status;
    }
}
