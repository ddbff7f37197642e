package credit.platform.lists.definition.domain;

public class ListNotFoundException extends RuntimeException {

    public ListNotFoundException(String listId) {
        super("There is no list " + listId);
    }
}
