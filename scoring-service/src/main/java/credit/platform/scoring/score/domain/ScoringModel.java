package credit.platform.scoring.score.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A versioned scoring model, kept as data: base points, rules, grade bands, the jurisdiction it is
 * for and the instant it takes effect. Computing a score is a pure function of the model, the
 * subject's records (own and related), its permits and the instant.
 *
 * @param effectiveFrom the instant this version takes over from the previous one; {@code null} =
 *                      always (the first version)
 * @param permitRules   rules on the subject's permits (expired or missing), after the list rules
 */
public record ScoringModel(String id, int version, SubjectKind subjectKind, String jurisdiction,
        Instant effectiveFrom, long basePoints, List<Rule> rules, List<GradeBand> bands, List<PermitRule> permitRules) {

    public ScoringModel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subjectKind, "subjectKind");
        if (version < 1) {
            throw new IllegalArgumentException("model " + id + ": version must be 1 or more");
        }
        jurisdiction = jurisdiction == null ? "" : jurisdiction;
        rules = List.copyOf(rules);
        permitRules = permitRules == null ? List.of() : List.copyOf(permitRules);
        if (bands == null || bands.isEmpty()) {
            throw new IllegalArgumentException("model " + id + " needs at least one grade band");
        }
        bands = bands.stream().sorted(Comparator.comparingLong(GradeBand::minPoints).reversed()).toList();
        if (bands.getLast().minPoints() != Long.MIN_VALUE) {
            throw new IllegalArgumentException("model " + id + ": the lowest band must have no lower bound");
        }
        if (bands.stream().map(GradeBand::minPoints).distinct().count() != bands.size()) {
            throw new IllegalArgumentException("model " + id + ": two bands start at the same points");
        }
        if (java.util.stream.Stream.concat(rules.stream().map(Rule::id), permitRules.stream().map(PermitRule::id))
                .distinct().count() != rules.size() + permitRules.size()) {
            throw new IllegalArgumentException("model " + id + ": rule ids must be unique");
        }
    }

    public ScoringModel(String id, int version, SubjectKind subjectKind, String jurisdiction, Instant effectiveFrom,
            long basePoints, List<Rule> rules, List<GradeBand> bands) {
        this(id, version, subjectKind, jurisdiction, effectiveFrom, basePoints, rules, bands, List.of());
    }

    public ScoringModel(String id, int version, SubjectKind subjectKind, long basePoints, List<Rule> rules,
            List<GradeBand> bands) {
        this(id, version, subjectKind, "", null, basePoints, rules, bands, List.of());
    }

    /** This model with rules on permits added. */
    public ScoringModel withPermitRules(List<PermitRule> added) {
        List<PermitRule> all = new ArrayList<>(permitRules);
        all.addAll(added);
        return new ScoringModel(id, version, subjectKind, jurisdiction, effectiveFrom, basePoints, rules, bands, all);
    }

    /** Whether scoring needs the subject's permits. */
    public boolean readsPermits() {
        return !permitRules.isEmpty();
    }

    /** The relationships through which related subjects' records count (contagion). */
    public Set<Via> relations() {
        Set<Via> vias = new LinkedHashSet<>();
        rules.stream().map(Rule::via).filter(Objects::nonNull).forEach(vias::add);
        return vias;
    }

    /** The grade for the points: the highest band whose lower bound the points reach. */
    public String grade(long points) {
        for (GradeBand b : bands) {
            if (points >= b.minPoints()) {
                return b.grade();
            }
        }
        throw new IllegalStateException("unreachable: the lowest band is open");
    }

    /**
     * Scores the records in effect at {@code at}: each record contributes its first matching
     * rule's points (after decay; a record decayed to nothing adds no line); a capped rule adds one
     * more line that brings its total back to the cap.
     */
    public Score score(String subjectId, List<ListRecordFact> records, Instant at) {
        return score(subjectId, records, List.of(), at);
    }

    /**
     * As {@link #score(String, List, Instant)}, and then the permit rules: for each kind of permit
     * the first permit rule whose condition holds adds its lines (capped likewise).
     */
    public Score score(String subjectId, List<ListRecordFact> records, List<PermitFact> permits, Instant at) {
        Map<Rule, List<Contribution>> byRule = new LinkedHashMap<>();
        rules.forEach(r -> byRule.put(r, new ArrayList<>()));
        List<ListRecordFact> sorted = new ArrayList<>(records.size());
        for (ListRecordFact r : records) {
            if (r.effectiveAt(at)) {
                sorted.add(r);
            }
        }
        sorted.sort(Comparator.comparing(ListRecordFact::recordId)
                .thenComparing(r -> r.viaSubjectId() == null ? "" : r.viaSubjectId()));
        for (ListRecordFact record : sorted) {
            for (Rule rule : rules) {
                if (rule.matches(record)) {
                    long points = rule.pointsFor(record, at);
                    if (points != 0) {
                        byRule.get(rule).add(new Contribution(rule.id(), record.sourceRef(), points,
                                describe(rule, record, points)));
                    }
                    break;
                }
            }
        }
        List<Contribution> contributions = new ArrayList<>();
        byRule.forEach((rule, lines) -> {
            contributions.addAll(lines);
            long total = 0;
            for (Contribution c : lines) {
                total += c.points();
            }
            if (rule.cap() != null && Math.abs(total) > rule.cap()) {
                long capped = Long.signum(total) * rule.cap();
                contributions.add(new Contribution(rule.id(), "rule:" + rule.id(), capped - total,
                        rule.description() + ": capped at " + capped + " in all"));
            }
        });
        Set<String> kindsTaken = new java.util.HashSet<>();
        List<PermitFact> sortedPermits = permits.stream().sorted(Comparator.comparing(PermitFact::permitId)).toList();
        for (PermitRule rule : permitRules) {
            if (kindsTaken.contains(rule.permitKind())) {
                continue;
            }
            List<PermitFact> matched = rule.matching(sortedPermits, at);
            if (matched.isEmpty()) {
                continue;
            }
            kindsTaken.add(rule.permitKind());
            long total = 0;
            for (PermitFact fact : matched) {
                long p = rule.pointsFor(fact, at);
                if (p != 0) {
                    contributions.add(new Contribution(rule.id(), rule.sourceRef(fact), p, describe(rule, fact, p)));
                    total += p;
                }
            }
            if (rule.cap() != null && Math.abs(total) > rule.cap()) {
                long capped = Long.signum(total) * rule.cap();
                contributions.add(new Contribution(rule.id(), "rule:" + rule.id(), capped - total,
                        rule.description() + ": capped at " + capped + " in all"));
            }
        }
        long points = basePoints;
        for (Contribution c : contributions) {
            points += c.points();
        }
        return new Score(subjectId, id, version, basePoints, points, grade(points), contributions, at);
    }

    /**
     * The next instant after {@code at} at which this model's score of the same facts may differ: a
     * record that a rule matches takes effect or ends, its points decay by a point, a permit of a
     * kind the permit rules look at takes effect or lapses, or a lapsed permit's points decay. An
     * instant may turn out to change nothing (e.g. under a cap): recomputing then stores nothing.
     */
    public Optional<NextChange> nextChangeAfter(List<ListRecordFact> records, List<PermitFact> permits, Instant at) {
        NextChange.Earliest next = new NextChange.Earliest(at);
        for (ListRecordFact record : records) {
            Rule rule = rules.stream().filter(r -> r.matches(record)).findFirst().orElse(null);
            if (rule == null) {
                continue;
            }
            next.offer(record.effectiveFrom(), record.sourceRef() + " takes effect");
            next.offer(record.effectiveUntil(), record.sourceRef() + " ends");
            if (rule.decay() != null && record.effectiveAt(at)) {
                rule.decay().nextStepAfter(rule.pointsPerRecord(), record.effectiveFrom(), at)
                        .ifPresent(i -> next.offer(i, "decay of " + record.sourceRef()));
            }
        }
        for (PermitFact permit : permits) {
            if (permit.withdrawn()) {
                continue;
            }
            for (PermitRule rule : permitRules) {
                if (!rule.permitKind().equals(permit.kind())) {
                    continue;
                }
                next.offer(permit.validFrom(), permit.sourceRef() + " takes effect");
                next.offer(permit.validUntil(), permit.sourceRef() + " lapsed");
                if (rule.condition() == PermitRule.Condition.EXPIRED && rule.decay() != null && permit.lapsedBy(at)) {
                    rule.decay().nextStepAfter(rule.pointsPerPermit(), permit.validUntil(), at)
                            .ifPresent(i -> next.offer(i, "decay of " + permit.sourceRef()));
                }
            }
        }
        return next.result();
    }

    private static String describe(PermitRule rule, PermitFact fact, long points) {
        StringBuilder s = new StringBuilder(rule.description());
        if (rule.condition() == PermitRule.Condition.MISSING) {
            s.append(" (no valid ").append(rule.permitKind()).append(')');
        } else {
            s.append(" (").append(rule.permitKind());
            if (!fact.number().isEmpty()) {
                s.append(' ').append(fact.number());
            }
            if (!fact.issuingAuthority().isEmpty()) {
                s.append(", ").append(fact.issuingAuthority());
            }
            s.append(", lapsed ").append(fact.validUntil()).append(')');
            if (points != rule.pointsPerPermit()) {
                s.append(" — decayed from ").append(rule.pointsPerPermit()).append(" since it lapsed");
            }
        }
        return s.toString();
    }

    private static String describe(Rule rule, ListRecordFact record, long points) {
        StringBuilder s = new StringBuilder(rule.description()).append(" (").append(record.listId());
        if (!record.issuingAuthority().isEmpty()) {
            s.append(", ").append(record.issuingAuthority());
        }
        s.append(')');
        if (record.via() != null) {
            s.append(" — record ").append(record.via().describe()).append(' ').append(record.viaSubjectId());
        }
        if (points != rule.pointsPerRecord()) {
            s.append(" — decayed from ").append(rule.pointsPerRecord()).append(" with the record's age");
        }
        return s.toString();
    }
}
