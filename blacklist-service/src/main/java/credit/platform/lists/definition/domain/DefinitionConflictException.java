package credit.platform.lists.definition.domain;

/** The definition was edited since the caller read it; nothing was written. */
public class DefinitionConflictException extends RuntimeException {

    private final long currentVersion;

    public DefinitionConflictException(long expectedVersion, long currentVersion) {
        super("the definition is at version " + currentVersion + ", not " + expectedVersion + "; read it again");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
