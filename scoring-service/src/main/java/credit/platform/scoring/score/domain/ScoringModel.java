package credit.platform.scoring.score.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A versioned scoring model, kept as data: base points, rules, grade bands. Computing a score is a
 * pure function of the model, the subject's records and the instant.
 */
public record ScoringModel(String id, int version, SubjectKind subjectKind, long basePoints, List<Rule> rules,
        List<GradeBand> bands) {

    public ScoringModel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subjectKind, "subjectKind");
        rules = List.copyOf(rules);
        if (bands == null || bands.isEmpty()) {
            throw new IllegalArgumentException("model " + id + " needs at least one grade band");
        }
        bands = bands.stream().sorted(Comparator.comparingLong(GradeBand::minPoints).reversed()).toList();
        if (bands.getLast().minPoints() != Long.MIN_VALUE) {
            throw new IllegalArgumentException("model " + id + ": the lowest band must have no lower bound");
        }
        if (rules.stream().map(Rule::id).distinct().count() != rules.size()) {
            throw new IllegalArgumentException("model " + id + ": rule ids must be unique");
        }
    }

    /** The grade for the points: the highest band whose lower bound the points reach. */
    public String grade(long points) {
        return bands.stream().filter(b -> points >= b.minPoints()).findFirst().orElseThrow().grade();
    }

    /**
     * Scores the records in effect at {@code at}: each record contributes its first matching
     * rule's points; a capped rule adds one more line that brings its total back to the cap.
     */
    public Score score(String subjectId, List<ListRecordFact> records, Instant at) {
        Map<Rule, List<Contribution>> byRule = new LinkedHashMap<>();
        rules.forEach(r -> byRule.put(r, new ArrayList<>()));
        records.stream()
                .filter(r -> r.effectiveAt(at))
                .sorted(Comparator.comparing(ListRecordFact::recordId))
                .forEach(record -> rules.stream().filter(r -> r.matches(record)).findFirst().ifPresent(rule ->
                        byRule.get(rule).add(new Contribution(rule.id(), record.sourceRef(), rule.pointsPerRecord(),
                                rule.description() + " (" + record.listId() + ", " + record.issuingAuthority() + ")"))));
        List<Contribution> contributions = new ArrayList<>();
        byRule.forEach((rule, lines) -> {
            contributions.addAll(lines);
            long total = lines.stream().mapToLong(Contribution::points).sum();
            if (rule.cap() != null && Math.abs(total) > rule.cap()) {
                long capped = Long.signum(total) * rule.cap();
                contributions.add(new Contribution(rule.id(), "rule:" + rule.id(), capped - total,
                        rule.description() + ": capped at " + capped + " in all"));
            }
        });
        long points = basePoints + contributions.stream().mapToLong(Contribution::points).sum();
        return new Score(subjectId, id, version, basePoints, points, grade(points), contributions, at);
    }
}
