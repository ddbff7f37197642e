package credit.platform.client.lists;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Puts a subject on a list. {@code effectiveUntil} may be null (the list's default term).
 *
 * @param untilDeletionGround true: no fixed end, the record lasts until a deletion ground arises (only
 *                            on lists that allow it, e.g. SPC ground 1); null or false: a fixed term
 */
public record CreateRecordRequest(SubjectNameDto subject, String caseNumber, String legalGround, String facts,
        LocalDate effectiveFrom, LocalDate effectiveUntil,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean untilDeletionGround) {

    /** A record with a fixed term (the list's default when {@code effectiveUntil} is null). */
    public CreateRecordRequest(SubjectNameDto subject, String caseNumber, String legalGround, String facts,
            LocalDate effectiveFrom, LocalDate effectiveUntil) {
        this(subject, caseNumber, legalGround, facts, effectiveFrom, effectiveUntil, null);
    }
}
