package credit.platform.sanctions.travel.domain;

/** One reason a travel check request is invalid: the field, the rule, a sentence to act on. */
public record Violation(String field, String rule, String message) {

    public Violation prefixed(String prefix) {
        return new Violation(prefix + field, rule, message);
    }
}
