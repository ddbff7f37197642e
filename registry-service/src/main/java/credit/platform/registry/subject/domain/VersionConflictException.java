package credit.platform.registry.subject.domain;

/** Optimistic locking: the subject changed since the version the caller read. Nothing was written. */
public class VersionConflictException extends RuntimeException {

    private final long currentVersion;

    public VersionConflictException(long expected, long current) {
        super("the subject is at version " + current + ", not " + expected + "; read it again and retry");
        this.currentVersion = current;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
