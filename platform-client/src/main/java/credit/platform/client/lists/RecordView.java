package credit.platform.client.lists;

import java.time.Instant;
import java.time.LocalDate;

import credit.platform.client.IdentifierDto;

/** A record on a list. */
public record RecordView(String id, String listId, String listKind, String subjectId, IdentifierDto identifier,
        String issuingAuthority, String legalBasis, String caseNumber, String legalGround, String facts,
        String status, LocalDate effectiveFrom, LocalDate effectiveUntil, long version, Instant createdAt) {
}
