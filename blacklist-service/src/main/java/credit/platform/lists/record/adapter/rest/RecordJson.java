package credit.platform.lists.record.adapter.rest;

import credit.platform.lists.record.domain.ListRecord;
import credit.platform.lists.record.domain.RecordEvent;
import credit.platform.lists.record.domain.SubjectIdentifier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The REST shapes of records (the platform-client SDK mirrors them). */
final class RecordJson {

    private RecordJson() {
    }

    /**
     * Names the subject by one identifier (parsed by the identifier kernel); the registry resolves or
     * registers it. {@code birthDate} (yyyy-MM-dd): a person's, when the document carries none (a
     * passport) and the registry holds none — lists that never name minors need one.
     */
    record SubjectDto(String kind, String scheme, String value, String issuingCountry, String name, String birthDate) {
    }

    /**
     * Dates are ISO {@code yyyy-MM-dd} strings, parsed here so a bad one is reported by field.
     *
     * @param effectiveUntil      the last effective day; the list's default term when absent
     * @param untilDeletionGround no fixed end; only on lists that allow it, and on a list with numbered
     *                            grounds only for an open-ended one (SPC ground 1)
     * @param ground              the list's numbered listing ground (SPC: 1 to 6); ground 1 of the SPC list
     *                            lasts until a deletion ground arises unless an end is given
     */
    record CreateRecordRequest(SubjectDto subject, String caseNumber, String legalGround, String facts,
            String effectiveFrom, String effectiveUntil, Boolean untilDeletionGround, String ground) {
    }

    record IdentifierDto(String scheme, String value, String issuingCountry) {
        static IdentifierDto of(SubjectIdentifier i) {
            return new IdentifierDto(i.scheme().name(), i.value(), i.issuingCountry().isEmpty() ? null : i.issuingCountry());
        }
    }

    /** One step in a record's history: who did what, when, why (and on which removal ground). */
    record EventView(String type, String actor, Instant at, String reason, String ground) {
        static EventView of(RecordEvent e) {
            return new EventView(e.type().name(), e.actor(), e.at(), e.reason(), e.ground() == null ? null : e.ground().name());
        }
    }

    /**
     * A record; {@code status} is as of today (EXPIRED once the last effective day has passed).
     * {@code ground}: the numbered listing ground, when given; {@code untilDeletionGround}: true when the
     * record has no fixed end (it lasts until a deletion ground arises).
     */
    record RecordView(String id, String listId, String listKind, String subjectId, IdentifierDto identifier,
            String issuingAuthority, String legalBasis, String caseNumber, String legalGround, String facts,
            String status, LocalDate effectiveFrom, LocalDate effectiveUntil, long version, Instant createdAt,
            List<EventView> history, String ground, boolean untilDeletionGround) {
        static RecordView of(ListRecord r, LocalDate today) {
            return new RecordView(r.id(), r.listId(), r.listKind().name(), r.subjectId(), IdentifierDto.of(r.identifier()),
                    r.issuingAuthority(), r.legalBasis(), r.caseNumber(), r.legalGround(), r.facts(),
                    r.statusOn(today).name(), r.term().from(), r.term().until(), r.version(), r.createdAt(),
                    r.history().stream().map(EventView::of).toList(), r.ground(), r.term().isOpenEnded());
        }
    }

    /** Takes a record off its list. {@code expectedVersion}: the version read (optimistic concurrency), optional. */
    record RemovalRequest(String ground, String reason, Long expectedVersion) {
    }

    /** Extends a record's term by an ISO-8601 period such as {@code P1Y}. */
    record ExtensionRequest(String extension, String reason, Long expectedVersion) {
    }

    /** One page of a list's records. */
    record RecordPageView(List<RecordView> items, int page, int size, long total) {
    }

    /**
     * What the public sees of a record on a public list: the entity, the list, the conduct, the case and
     * the authority; no history, no internal ids.
     */
    record PublicRecordView(String listId, String listKind, String uscc, String issuingAuthority, String legalBasis,
            String caseNumber, String legalGround, String facts, LocalDate effectiveFrom, LocalDate effectiveUntil) {
        static PublicRecordView of(ListRecord r) {
            return new PublicRecordView(r.listId(), r.listKind().name(), r.identifier().value(), r.issuingAuthority(),
                    r.legalBasis(), r.caseNumber(), r.legalGround(), r.facts(), r.term().from(), r.term().until());
        }
    }
}
