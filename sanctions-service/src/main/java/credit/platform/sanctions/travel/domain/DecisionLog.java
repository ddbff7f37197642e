package credit.platform.sanctions.travel.domain;

/** Port to the decision log: every DENY, one document each. */
public interface DecisionLog {

    void append(DecisionLogEntry entry);

    /** The DENYs of checks made with any of these documents, newest first (a signed-in person's own). */
    default java.util.List<DecisionLogEntry> denialsOf(java.util.List<credit.platform.sanctions.enforcement.domain.SubjectKey> documents,
            int limit) {
        return java.util.List.of();
    }
}
