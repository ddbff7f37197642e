package credit.platform.registry.subject.domain;

/** A string that is not an identifier of its scheme, and precisely why. */
public class InvalidIdentifierException extends RuntimeException {

    private final String rule;

    public InvalidIdentifierException(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
