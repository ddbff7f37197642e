package credit.platform.sanctions.travel.domain;

/** The registry or the lists service could not answer: no decision can be made. */
public class SourceUnavailableException extends RuntimeException {

    private final String source;

    public SourceUnavailableException(String source, Throwable cause) {
        super("The " + source + " service is unavailable; no travel decision was made", cause);
        this.source = source;
    }

    public String source() {
        return source;
    }
}
