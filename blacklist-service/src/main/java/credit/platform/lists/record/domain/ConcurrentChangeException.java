package credit.platform.lists.record.domain;

/**
 * Optimistic concurrency: the record changed since the caller read it (its version is not the one
 * expected). Nothing was written; read the record again and decide again.
 */
public class ConcurrentChangeException extends RuntimeException {

    private final long currentVersion;

    public ConcurrentChangeException(long expectedVersion, long currentVersion) {
        super("the record is at version " + currentVersion + ", not " + expectedVersion + "; read it again");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
