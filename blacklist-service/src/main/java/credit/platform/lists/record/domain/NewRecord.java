package credit.platform.lists.record.domain;

import java.time.LocalDate;

/**
 * A request, checked for shape at the edge, to put a subject on a list.
 *
 * @param effectiveUntil      the last effective day, or {@code null} for the list's default
 * @param untilDeletionGround no fixed end: the record lasts until a deletion ground (SPC ground 1)
 * @param ground              the list's numbered listing ground, e.g. {@code 1}; {@code null} when not given
 * @param idempotencyKey      the caller's key for retries, or {@code null}
 */
public record NewRecord(
        String listId,
        NamedSubject subject,
        String caseNumber,
        String legalGround,
        String facts,
        LocalDate effectiveFrom,
        LocalDate effectiveUntil,
        boolean untilDeletionGround,
        String idempotencyKey,
        String ground) {

    public NewRecord(String listId, NamedSubject subject, String caseNumber, String legalGround, String facts,
            LocalDate effectiveFrom, LocalDate effectiveUntil, boolean untilDeletionGround, String idempotencyKey) {
        this(listId, subject, caseNumber, legalGround, facts, effectiveFrom, effectiveUntil, untilDeletionGround,
                idempotencyKey, null);
    }
}
