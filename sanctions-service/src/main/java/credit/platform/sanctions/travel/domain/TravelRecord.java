package credit.platform.sanctions.travel.domain;

import java.time.Instant;

/**
 * A record on a list, as far as travel checks need it.
 *
 * @param effectiveUntil {@code null} for records that last until a deletion ground arises
 */
public record TravelRecord(String recordId, String listId, String issuingAuthority, Instant effectiveFrom,
        Instant effectiveUntil) {

    /** In effect at the instant: started, not yet ended. */
    public boolean effectiveAt(Instant at) {
        return (effectiveFrom == null || !effectiveFrom.isAfter(at)) && (effectiveUntil == null || effectiveUntil.isAfter(at));
    }
}
