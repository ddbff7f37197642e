package credit.platform.lists.record.domain;

/**
 * The caller's agency may write the list but did not make this record: on a list any authority
 * writes ({@code ANY}), each record still belongs to the authority that made it ("whoever
 * designated it repairs it"), and only that authority removes or extends it.
 */
public class RecordOwnedElsewhereException extends ListOwnedElsewhereException {

    public RecordOwnedElsewhereException(String owner) {
        super(owner);
    }

    @Override
    public String getMessage() {
        return "record was made by " + owner() + "; only its issuing authority may change it";
    }
}
