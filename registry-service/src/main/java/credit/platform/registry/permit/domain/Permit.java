package credit.platform.registry.permit.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A permit or licence held by a subject.
 *
 * @param validTo last valid day, inclusive; null when it does not expire
 * @param status  recorded status (VALID, SUSPENDED, REVOKED)
 */
public record Permit(String id, String subjectId, String type, String issuer, String number, LocalDate validFrom,
        LocalDate validTo, PermitStatus status, Instant createdAt) {

    /** The status on {@code day}: a VALID permit past its last day is EXPIRED. */
    public PermitStatus statusOn(LocalDate day) {
        if (status == PermitStatus.VALID && validTo != null && day.isAfter(validTo)) {
            return PermitStatus.EXPIRED;
        }
        return status;
    }
}
