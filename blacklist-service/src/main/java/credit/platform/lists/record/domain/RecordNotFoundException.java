package credit.platform.lists.record.domain;

public class RecordNotFoundException extends RuntimeException {

    public RecordNotFoundException() {
        super("There is no such record");
    }
}
