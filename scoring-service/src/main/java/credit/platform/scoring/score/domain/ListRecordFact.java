package credit.platform.scoring.score.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One record on a list, as far as scoring needs it: which list, its kind, its ground, who issued it
 * and when it is in effect — and, for a related subject's record, through which relationship it
 * reaches the scored subject.
 *
 * @param legalGround    the ground the record was made on, {@code ""} when not known
 * @param effectiveUntil {@code null} for records that last until a deletion ground arises
 * @param via            {@code null} for the subject's own records
 * @param viaSubjectId   the related subject whose record it is, {@code null} for own records
 */
public record ListRecordFact(String recordId, String listId, ListKind listKind, String issuingAuthority,
        String legalGround, Instant effectiveFrom, Instant effectiveUntil, Via via, String viaSubjectId) {

    public ListRecordFact {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(listId, "listId");
        Objects.requireNonNull(listKind, "listKind");
        issuingAuthority = issuingAuthority == null ? "" : issuingAuthority;
        legalGround = legalGround == null ? "" : legalGround;
        if ((via == null) != (viaSubjectId == null)) {
            throw new IllegalArgumentException("a related record names both the relationship and the subject");
        }
    }

    public ListRecordFact(String recordId, String listId, ListKind listKind, String issuingAuthority,
            Instant effectiveFrom, Instant effectiveUntil) {
        this(recordId, listId, listKind, issuingAuthority, "", effectiveFrom, effectiveUntil, null, null);
    }

    /** This record as it reaches a subject related to its own subject. */
    public ListRecordFact reaching(Via via, String ownerSubjectId) {
        return new ListRecordFact(recordId, listId, listKind, issuingAuthority, legalGround, effectiveFrom,
                effectiveUntil, via, ownerSubjectId);
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
