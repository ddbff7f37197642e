package credit.platform.identifiers;

/**
 * A string that is not an identifier of its scheme, and precisely why.
 * {@link #rule()} is a stable short name (e.g. {@code check-character}, {@code birth-date},
 * {@code address-code}, {@code character-set}); the message is for people.
 */
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
