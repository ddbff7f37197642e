package credit.platform.lists.record.domain;

/** The registry could not be reached (or refused this service); nothing was written. */
public class RegistryUnavailableException extends RuntimeException {

    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
