package credit.platform.client.scoring;

/** What one rule added to (or took from) a score, and from which source. */
public record ContributionView(String ruleId, String sourceRef, long points, String description) {
}
