package credit.platform.cli;

/** The exit codes, as `credit --help` lists them. */
final class Exit {

    /** Everything done; every line accepted, every receipt valid. */
    static final int OK = 0;
    /** Done, but some lines were rejected (see the error report) or some receipts are not valid. */
    static final int REJECTED = 1;
    /** Wrong options or unreadable input: nothing was sent. */
    static final int USAGE = 2;
    /** Sign-in refused or no credentials. */
    static final int SIGN_IN = 3;
    /** The platform refused or could not answer (the work done so far is kept: run the same command again). */
    static final int PLATFORM = 4;

    private Exit() {
    }
}
