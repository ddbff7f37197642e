package credit.platform.lists.record.adapter.rest;

import credit.platform.lists.record.domain.ListRecord;
import credit.platform.lists.record.domain.SubjectIdentifier;
import java.time.Instant;
import java.time.LocalDate;

/** The REST shapes of records (the platform-client SDK mirrors them). */
final class RecordJson {

    private RecordJson() {
    }

    /** Names the subject by one identifier; the registry resolves or registers it. */
    record SubjectDto(String kind, String scheme, String value, String issuingCountry, String name) {
    }

    /**
     * Dates are ISO {@code yyyy-MM-dd} strings, parsed here so a bad one is reported by field.
     *
     * @param effectiveUntil      the last effective day; the list's default term when absent
     * @param untilDeletionGround no fixed end (SPC ground 1); only on lists that allow it
     */
    record CreateRecordRequest(SubjectDto subject, String caseNumber, String legalGround, String facts,
            String effectiveFrom, String effectiveUntil, Boolean untilDeletionGround) {
    }

    record IdentifierDto(String scheme, String value, String issuingCountry) {
        static IdentifierDto of(SubjectIdentifier i) {
            return new IdentifierDto(i.scheme().name(), i.value(), i.issuingCountry().isEmpty() ? null : i.issuingCountry());
        }
    }

    /** A record; {@code status} is as of today (EXPIRED once the last effective day has passed). */
    record RecordView(String id, String listId, String listKind, String subjectId, IdentifierDto identifier,
            String issuingAuthority, String legalBasis, String caseNumber, String legalGround, String facts,
            String status, LocalDate effectiveFrom, LocalDate effectiveUntil, long version, Instant createdAt) {
        static RecordView of(ListRecord r, LocalDate today) {
            return new RecordView(r.id(), r.listId(), r.listKind().name(), r.subjectId(), IdentifierDto.of(r.identifier()),
                    r.issuingAuthority(), r.legalBasis(), r.caseNumber(), r.legalGround(), r.facts(),
                    r.statusOn(today).name(), r.term().from(), r.term().until(), r.version(), r.createdAt());
        }
    }
}
