package credit.platform.lists.application.domain;

public class ApplicationNotFoundException extends RuntimeException {

    public ApplicationNotFoundException() {
        super("There is no such application on this record");
    }
}
