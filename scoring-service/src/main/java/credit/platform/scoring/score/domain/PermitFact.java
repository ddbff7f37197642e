package credit.platform.scoring.score.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One permit or licence of a subject, as far as scoring needs it: its kind, who issued it, its term
 * and whether the issuer has withdrawn it.
 *
 * @param validUntil the instant it stops being valid (start of the day after its last day), or
 *                   {@code null} when it does not expire
 * @param withdrawn  suspended or revoked by the issuer (then never valid, whatever its term)
 */
public record PermitFact(String permitId, String kind, String number, String issuingAuthority, Instant validFrom,
        Instant validUntil, boolean withdrawn) {

    public PermitFact {
        Objects.requireNonNull(permitId, "permitId");
        Objects.requireNonNull(kind, "kind");
        number = number == null ? "" : number;
        issuingAuthority = issuingAuthority == null ? "" : issuingAuthority;
    }

    /** Valid at the instant: not withdrawn, started, and not yet lapsed. */
    public boolean validAt(Instant at) {
        return !withdrawn && (validFrom == null || !validFrom.isAfter(at)) && !lapsedBy(at);
    }

    /** Its term ended at or before the instant. */
    public boolean lapsedBy(Instant at) {
        return validUntil != null && !validUntil.isAfter(at);
    }

    public String sourceRef() {
        return "permit:" + permitId;
    }
}
