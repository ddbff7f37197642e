package credit.platform.scoring.score.domain;

/** A service the score depends on (registry, lists) could not answer; nothing was computed or stored. */
public class SourceUnavailableException extends RuntimeException {

    private final String source;

    public SourceUnavailableException(String source, Throwable cause) {
        super("The " + source + " service is unavailable; no score was computed", cause);
        this.source = source;
    }

    public String source() {
        return source;
    }
}
