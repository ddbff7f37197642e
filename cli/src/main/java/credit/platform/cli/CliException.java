package credit.platform.cli;

/** Stops a command with a message for the user and an exit code ({@link Exit}). */
final class CliException extends RuntimeException {

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
