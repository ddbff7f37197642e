package credit.platform.sanctions.enforcement.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Use case: which measures and rewards of the catalogue apply to a subject at an instant (a
 * procurement bid, a licence application). Answered from the index, like travel checks.
 */
public class CheckEligibility {

    private final Enforcement enforcement;
    private final Clock clock;

    public CheckEligibility(Enforcement enforcement, Clock clock) {
        this.enforcement = enforcement;
        this.clock = clock;
    }

    public Result check(SubjectKey subject, Instant at) {
        Instant when = at == null ? clock.instant() : at;
        Enforcement.Lookup lookup = enforcement.lookup(subject);
        List<AppliedMeasure> applied = new ArrayList<>();
        for (JointSanctionRule rule : enforcement.catalogue().rules()) {
            for (RestrictionRecord r : lookup.records()) {
                if (rule.triggeredBy(r.listId(), r.listKind()) && r.bindsAt(when)
                        && rule.withinCap(r.effectiveFrom(), when)) {
                    for (String code : rule.measures()) {
                        Measure m = enforcement.catalogue().measure(code);
                        applied.add(new AppliedMeasure(code, m.kind(), rule.reasonCode(), r.authority(), r.recordId(),
                                rule.appeal(), r.binding() == null ? "" : r.binding().capacity()));
                    }
                }
            }
        }
        return new Result(applied, lookup.asOf());
    }

    public record Result(List<AppliedMeasure> measures, AsOf asOf) {
        public List<AppliedMeasure> sanctions() {
            return measures.stream().filter(m -> m.kind() == MeasureKind.SANCTION).toList();
        }

        public List<AppliedMeasure> rewards() {
            return measures.stream().filter(m -> m.kind() == MeasureKind.REWARD).toList();
        }
    }
}
