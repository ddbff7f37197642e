package credit.platform.identifiers;

/**
 * A string that is not an identifier of its scheme, and precisely why.
 * {@link #rule()} is a stable short name (e.g. {@code check-character}, {@code birth-date},
 * {@code address-code}, {@code character-set}); {@link #field()} says which part of the identifier
 * is wrong ({@code value}, or {@code issuingCountry} for a passport's country); the message is for
 * people.
 */
public class InvalidIdentifierException extends RuntimeException {

    private final String field;
    private final String rule;

    public InvalidIdentifierException(String rule, String message) {
        this("value", rule, message);
    }

    public InvalidIdentifierException(String field, String rule, String message) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }

    /** {@code value}, {@code issuingCountry} or {@code scheme}. */
    public String field() {
        return field;
    }
}
