package credit.platform.lists.record.domain;

/** The caller's agency does not own the list it tried to write to. */
public class ListOwnedElsewhereException extends RuntimeException {

    private final String owner;

    public ListOwnedElsewhereException(String owner) {
        super("list is owned by " + owner);
        this.owner = owner;
    }

    public String owner() {
        return owner;
    }
}
