package credit.platform.registry.subject.domain;

import java.util.List;

/** A request breaks one or more rules; nothing was written. */
public class InvalidInputException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(String.join("; ", violations.stream().map(v -> v.field() + ": " + v.message()).toList()));
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String rule, String message) {
        this(List.of(new Violation(field, rule, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
