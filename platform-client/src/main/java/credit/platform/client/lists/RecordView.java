package credit.platform.client.lists;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import credit.platform.client.IdentifierDto;

/**
 * A record on a list. {@code status} is ACTIVE, DISPUTED, EXTENDED, REMOVED or EXPIRED as of today;
 * {@code version} is what {@link RemovalRequest#expectedVersion()} and {@link ExtensionRequest#expectedVersion()}
 * compare against; {@code history} lists every transition (empty when the service sent none).
 */
public record RecordView(String id, String listId, String listKind, String subjectId, IdentifierDto identifier,
        String issuingAuthority, String legalBasis, String caseNumber, String legalGround, String facts,
        String status, LocalDate effectiveFrom, LocalDate effectiveUntil, long version, Instant createdAt,
        List<RecordEventView> history) {

    public RecordView {
        history = history == null ? List.of() : List.copyOf(history);
    }

    public RecordView(String id, String listId, String listKind, String subjectId, IdentifierDto identifier,
            String issuingAuthority, String legalBasis, String caseNumber, String legalGround, String facts,
            String status, LocalDate effectiveFrom, LocalDate effectiveUntil, long version, Instant createdAt) {
        this(id, listId, listKind, subjectId, identifier, issuingAuthority, legalBasis, caseNumber, legalGround, facts,
                status, effectiveFrom, effectiveUntil, version, createdAt, List.of());
    }
}
