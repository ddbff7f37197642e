package credit.platform.sanctions.enforcement.domain;

import credit.platform.identifiers.ChinaTime;
import java.time.Instant;
import java.time.Period;
import java.util.List;

/**
 * "An effective record on list L (or on any list of kind K) triggers measures M for the record's
 * duration, at most {@code maxDuration} from its start", or "a grade of model S among G (e.g. at
 * or below D) triggers measures M while the subject holds it", with the authorities that signed it.
 * Versioned data ({@code sanctions/catalogue.json}), not code.
 *
 * @param listId      the list that triggers it, or {@code null} when {@code listKind} does
 * @param listKind    e.g. {@code RED}: any list of that kind; {@code null} when {@code listId} does
 * @param maxDuration cap from the record's first day, a calendar period counted exactly as a list's own term
 *                    ({@link ChinaTime#lastDay}): 180 days for rail-safety offenders, 1 year for serious
 *                    dishonesty (so a year across 29 February has 366 days); {@code null}: the record's own term
 * @param modelId     the scoring model whose grade triggers it ({@link GradeChange}); {@code null} for a list rule
 * @param grades      the grades of that model that trigger it (e.g. "at or below D" on an A–D scale: [D])
 */
public record JointSanctionRule(String id, String listId, String listKind, String reasonCode, List<String> measures,
        Period maxDuration, List<String> signatories, String appeal, String legalBasis, String modelId,
        List<String> grades) {

    public JointSanctionRule {
        measures = List.copyOf(measures);
        signatories = signatories == null ? List.of() : List.copyOf(signatories);
        grades = grades == null ? List.of() : List.copyOf(grades);
    }

    /** A list rule. */
    public JointSanctionRule(String id, String listId, String listKind, String reasonCode, List<String> measures,
            Period maxDuration, List<String> signatories, String appeal, String legalBasis) {
        this(id, listId, listKind, reasonCode, measures, maxDuration, signatories, appeal, legalBasis, null, null);
    }

    /** For a grade held in the index, {@code recordListId} / {@code recordListKind} are {@link GradeChange#listId} / {@link GradeChange#listKind}. */
    public boolean triggeredBy(String recordListId, String recordListKind) {
        if (modelId != null) {
            return GradeChange.listId(modelId).equals(recordListId) && recordListKind != null
                    && grades.contains(GradeChange.gradeOf(recordListKind));
        }
        return listId != null ? listId.equals(recordListId) : listKind != null && listKind.equals(recordListKind);
    }

    /**
     * The rule's own cap on a record that started at {@code from} (the first instant of its first day in
     * China): in force at {@code at}? The cap ends at the start of the day after the period's last day.
     */
    public boolean withinCap(Instant from, Instant at) {
        return maxDuration == null || from == null || at.isBefore(capEnd(from));
    }

    /** The exclusive end of the cap for a record starting at {@code from}; {@code null} when there is no cap. */
    public Instant capEnd(Instant from) {
        return maxDuration == null || from == null ? null : ChinaTime.endOf(ChinaTime.dayOf(from), maxDuration);
    }
}
