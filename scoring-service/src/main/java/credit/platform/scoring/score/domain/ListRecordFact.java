package credit.platform.scoring.score.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One record on a list, as far as scoring needs it: which list, its kind, who issued it and when
 * it is in effect.
 *
 * @param effectiveUntil {@code null} for records that last until a deletion ground arises
 */
public record ListRecordFact(String recordId, String listId, ListKind listKind, String issuingAuthority,
        Instant effectiveFrom, Instant effectiveUntil) {

    public ListRecordFact {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(listId, "listId");
        Objects.requireNonNull(listKind, "listKind");
        issuingAuthority = issuingAuthority == null ? "" : issuingAuthority;
    }

    /** In effect at the instant: started, and not yet ended. */
    public boolean effectiveAt(Instant at) {
        boolean started = effectiveFrom == null || !effectiveFrom.isAfter(at);
        boolean notEnded = effectiveUntil == null || effectiveUntil.isAfter(at);
        return started && notEnded;
    }

    public String sourceRef() {
        return "list-record:" + recordId;
    }
}
