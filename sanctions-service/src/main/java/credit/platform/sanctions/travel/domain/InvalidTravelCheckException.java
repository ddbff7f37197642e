package credit.platform.sanctions.travel.domain;

import java.util.List;

/** A travel check request that cannot be decided as asked; nothing is decided, logged or counted. */
public class InvalidTravelCheckException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidTravelCheckException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b).orElse(""));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    /** The same violations with every field name prefixed, e.g. {@code checks[2].}. */
    public InvalidTravelCheckException prefixed(String prefix) {
        return new InvalidTravelCheckException(violations.stream().map(v -> v.prefixed(prefix)).toList());
    }
}
