package credit.platform.sanctions.travel.domain;

import java.time.Instant;
import java.util.List;

/**
 * What the decision log keeps of a DENY, for redress: the id the passenger quotes, when, for which
 * client, the reasons (code, measure, list, record, capacity) and the trip. Deliberately not the
 * passenger's name nor the document number: the record reference leads to the subject, and the log
 * keeps only a keyed fingerprint of the document (so the passenger, signed in, finds their own denials).
 *
 * @param document the document checked, to be fingerprinted by the log (never stored as it is); {@code null} when read back
 */
public record DecisionLogEntry(String decisionId, Instant decidedAt, String client, List<Reason> reasons,
        TravelMode mode, ServiceClass serviceClass, String trainNumber, Instant travelAt, long indexSequence,
        credit.platform.sanctions.enforcement.domain.SubjectKey document) {

    public DecisionLogEntry(String decisionId, Instant decidedAt, String client, List<Reason> reasons, TravelMode mode,
            ServiceClass serviceClass, String trainNumber, Instant travelAt, long indexSequence) {
        this(decisionId, decidedAt, client, reasons, mode, serviceClass, trainNumber, travelAt, indexSequence, null);
    }
}
