package credit.platform.lists.application.domain;

/** The application is already decided (or changed meanwhile); nothing was written. */
public class ApplicationStateException extends RuntimeException {

    public ApplicationStateException(String message) {
        super(message);
    }
}
