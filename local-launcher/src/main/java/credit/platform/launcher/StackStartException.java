package credit.platform.launcher;

/** A component of the stack did not start; the message names it and the log file to read. */
public class StackStartException extends RuntimeException {

    public StackStartException(String message) {
        super(message);
    }

    public StackStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
