package credit.platform.sanctions.enforcement.domain;

/** The registry could not answer while a record was being indexed; the change is applied again later. */
public class DirectoryUnavailableException extends RuntimeException {

    public DirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
