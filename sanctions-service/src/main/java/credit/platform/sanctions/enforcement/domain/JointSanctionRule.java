package credit.platform.sanctions.enforcement.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * "An effective record on list L (or on any list of kind K) triggers measures M for the record's
 * duration, at most {@code maxDuration} from its start", with the authorities that signed it.
 * Versioned data ({@code sanctions/catalogue.json}), not code.
 *
 * @param listId      the list that triggers it, or {@code null} when {@code listKind} does
 * @param listKind    e.g. {@code RED}: any list of that kind; {@code null} when {@code listId} does
 * @param maxDuration cap from the record's start, e.g. 180 days for rail-safety offenders; {@code null}: the record's own term
 */
public record JointSanctionRule(String id, String listId, String listKind, String reasonCode, List<String> measures,
        Duration maxDuration, List<String> signatories, String appeal, String legalBasis) {

    public JointSanctionRule {
        measures = List.copyOf(measures);
        signatories = signatories == null ? List.of() : List.copyOf(signatories);
    }

    public boolean triggeredBy(String recordListId, String recordListKind) {
        return listId != null ? listId.equals(recordListId) : listKind != null && listKind.equals(recordListKind);
    }

    /** The rule's own cap on a record that started at {@code from}: in force at {@code at}? */
    public boolean withinCap(Instant from, Instant at) {
        return maxDuration == null || from == null || at.isBefore(from.plus(maxDuration));
    }
}
