package credit.platform.sanctions.travel.domain;

import java.time.Instant;
import java.util.List;

/**
 * What the decision log keeps of a DENY, for redress: the id the passenger quotes, when, for which
 * client, the reasons (code, measure, list, record, capacity) and the trip. Deliberately not the
 * passenger's name nor the document number: the record reference leads to the subject.
 */
public record DecisionLogEntry(String decisionId, Instant decidedAt, String client, List<Reason> reasons,
        TravelMode mode, ServiceClass serviceClass, String trainNumber, Instant travelAt, long indexSequence) {
}
