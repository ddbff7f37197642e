package credit.platform.sanctions.travel.domain;

/** Port to the decision log: every DENY, one document each. */
public interface DecisionLog {

    void append(DecisionLogEntry entry);
}
