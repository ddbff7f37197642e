package credit.platform.lists.record.domain;

import credit.platform.lists.definition.domain.RuleViolation;
import java.util.List;

/** The registry rejected the named subject; the violations name the subject's fields. */
public class SubjectRejectedException extends RuntimeException {

    private final List<RuleViolation> violations;

    public SubjectRejectedException(List<RuleViolation> violations) {
        super("the registry rejected the subject: " + violations.stream().map(RuleViolation::rule).toList());
        this.violations = List.copyOf(violations);
    }

    public List<RuleViolation> violations() {
        return violations;
    }
}
