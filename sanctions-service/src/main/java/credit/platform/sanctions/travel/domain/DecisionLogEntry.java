package credit.platform.sanctions.travel.domain;

import java.time.Instant;

/**
 * What the decision log keeps of a DENY, for redress: the reference the passenger quotes, when,
 * whom (the registry's subject id), which record of which list, and the trip's mode and class.
 * Deliberately not the passenger's name nor the document number.
 */
public record DecisionLogEntry(String reference, Instant decidedAt, String subjectId, String listId, String recordId,
        String reasonCode, TravelMode mode, ServiceClass serviceClass, Instant departure) {
}
