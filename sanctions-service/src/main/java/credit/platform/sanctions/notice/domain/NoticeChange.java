package credit.platform.sanctions.notice.domain;

import java.time.Instant;

/**
 * One change of the lists feed, as a notice needs it: the feed's sequence (a notice's identity), what
 * happened and the record after it.
 *
 * @param type           CREATED, DISPUTED, REINSTATED, EXTENDED, REMOVED or EXPIRED
 * @param effectiveUntil exclusive (start of the day after the last day); {@code null} until a deletion ground arises
 */
public record NoticeChange(long sequence, String type, String recordId, String listId, String listKind,
        String subjectId, String authority, String legalBasis, String caseNumber, String legalGround,
        Instant effectiveFrom, Instant effectiveUntil, Instant occurredAt) {
}
