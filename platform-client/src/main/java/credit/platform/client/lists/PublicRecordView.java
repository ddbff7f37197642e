package credit.platform.client.lists;

import java.time.LocalDate;

/** What the public sees of a legal entity's record on a public list (no history, no internal ids). */
public record PublicRecordView(String listId, String listKind, String uscc, String issuingAuthority,
        String legalBasis, String caseNumber, String legalGround, String facts, LocalDate effectiveFrom,
        LocalDate effectiveUntil) {
}
