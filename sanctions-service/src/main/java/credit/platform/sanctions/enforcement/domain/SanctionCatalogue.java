package credit.platform.sanctions.enforcement.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The measures and the joint-sanction rules of one catalogue version; rules may name only catalogued measures. */
public final class SanctionCatalogue {

    private final String version;
    private final Map<String, Measure> measures;
    private final List<String> order;
    private final List<JointSanctionRule> rules;

    public SanctionCatalogue(String version, List<Measure> measures, List<JointSanctionRule> rules) {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("a catalogue needs a version");
        }
        this.version = version;
        Map<String, Measure> byCode = new LinkedHashMap<>();
        for (Measure m : measures) {
            if (byCode.put(m.code(), m) != null) {
                throw new IllegalArgumentException("measure " + m.code() + " is catalogued twice");
            }
        }
        for (JointSanctionRule r : rules) {
            int triggers = (r.listId() == null ? 0 : 1) + (r.listKind() == null ? 0 : 1) + (r.modelId() == null ? 0 : 1);
            if (triggers != 1) {
                throw new IllegalArgumentException("rule " + r.id() + " must name exactly one of listId, listKind, modelId");
            }
            if (r.modelId() != null && r.grades().isEmpty()) {
                throw new IllegalArgumentException("rule " + r.id() + " names model " + r.modelId()
                        + " but no grade that triggers it");
            }
            for (String code : r.measures()) {
                if (!byCode.containsKey(code)) {
                    throw new IllegalArgumentException("rule " + r.id() + " names measure " + code
                            + " which is not in the catalogue (no measure outside the published list)");
                }
            }
        }
        this.measures = Map.copyOf(byCode);
        this.order = List.copyOf(byCode.keySet());
        this.rules = List.copyOf(rules);
    }

    public String version() {
        return version;
    }

    public Measure measure(String code) {
        return measures.get(code);
    }

    /** Every measure code, in catalogue order. */
    public List<String> measureCodes() {
        return List.copyOf(order);
    }

    public List<JointSanctionRule> rules() {
        return rules;
    }

    /** The rules a record on this list triggers, in catalogue order. */
    public List<JointSanctionRule> rulesFor(String listId, String listKind) {
        List<JointSanctionRule> out = new ArrayList<>(2);
        for (JointSanctionRule r : rules) {
            if (r.triggeredBy(listId, listKind)) {
                out.add(r);
            }
        }
        return out;
    }

    /** Whether any rule is triggered by a grade of this scoring model (its grades are then kept in the index). */
    public boolean followsModel(String modelId) {
        return rules.stream().anyMatch(r -> modelId.equals(r.modelId()));
    }

    /** Whether any rule is triggered by a grade: the index then follows the scoring service's grade changes too. */
    public boolean hasGradeRules() {
        return rules.stream().anyMatch(r -> r.modelId() != null);
    }

    /** Whether any rule is triggered by the list: records on other lists are not indexed. */
    public boolean enforces(String listId, String listKind) {
        return !rulesFor(listId, listKind).isEmpty();
    }
}
