package credit.platform.lists.definition.domain;

import java.util.List;

/** A request broke one or more rules of a list; nothing was written. */
public class RuleViolationException extends RuntimeException {

    private final List<RuleViolation> violations;

    public RuleViolationException(List<RuleViolation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b).orElse(""));
        this.violations = List.copyOf(violations);
    }

    public RuleViolationException(String field, String rule, String message) {
        this(List.of(new RuleViolation(field, rule, message)));
    }

    public List<RuleViolation> violations() {
        return violations;
    }
}
