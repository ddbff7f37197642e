package credit.platform.scoring.score.domain;

/**
 * One line of a score's explanation.
 *
 * @param sourceRef the fact it came from, e.g. {@code list-record:<id>}, or {@code rule:<id>} for a
 *                  rule's cap
 */
public record Contribution(String ruleId, String sourceRef, long points, String description) {
}
