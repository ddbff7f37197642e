package credit.platform.client.lists;

import java.time.LocalDate;

/** Puts a subject on a list. {@code effectiveUntil} may be null (no planned end). */
public record CreateRecordRequest(SubjectNameDto subject, String caseNumber, String legalGround, String facts,
        LocalDate effectiveFrom, LocalDate effectiveUntil) {
}
