package credit.platform.lists.feed.adapter.grpc;

import com.google.protobuf.Timestamp;
import credit.lists.v1.ChangeEvent;
import credit.lists.v1.ChangeType;
import credit.lists.v1.ListKind;
import credit.lists.v1.ListRecord;
import credit.lists.v1.RecordStatus;
import credit.common.v1.Identifier;
import credit.common.v1.IdentifierScheme;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Records and changes as the contract shapes them. Terms are calendar days in China: 
 * {@code effective_from} is the start of the first effective day and {@code effective_until} the
 * instant the record stops being effective, i.e. the start of the day after its last effective day
 * (both Asia/Shanghai), so a consumer checks {@code from <= now < until}.
 */
final class RecordProtos {

    private RecordProtos() {
    }

    static ListRecord record(credit.platform.lists.record.domain.ListRecord r, LocalDate today) {
        ListRecord.Builder b = ListRecord.newBuilder()
                .setRecordId(r.id())
                .setListId(r.listId())
                .setListKind(ListKind.valueOf("LIST_KIND_" + r.listKind().name()))
                .setSubjectId(r.subjectId())
                .setIdentifier(Identifier.newBuilder()
                        .setScheme(IdentifierScheme.valueOf("IDENTIFIER_SCHEME_" + r.identifier().scheme().name()))
                        .setValue(r.identifier().value())
                        .setIssuingCountry(r.identifier().issuingCountry()))
                .setIssuingAuthority(r.issuingAuthority())
                .setLegalBasis(r.legalBasis())
                .setCaseNumber(r.caseNumber())
                .setLegalGround(r.legalGround())
                .setStatus(RecordStatus.valueOf("RECORD_STATUS_" + r.statusOn(today).name()))
                .setEffectiveFrom(startOf(r.term().from()))
                .setVersion(r.version());
        if (r.term().until() != null) {
            b.setEffectiveUntil(startOf(r.term().until().plusDays(1)));
        }
        return b.build();
    }

    static ChangeEvent change(credit.platform.lists.feed.domain.ChangeEvent e, LocalDate today) {
        return ChangeEvent.newBuilder()
                .setSequence(e.sequence())
                .setType(ChangeType.valueOf("CHANGE_TYPE_" + e.type().name()))
                .setRecord(record(e.record(), today))
                .setOccurredAt(timestamp(e.occurredAt()))
                .build();
    }

    private static Timestamp startOf(LocalDate day) {
        return timestamp(day.atStartOfDay(credit.platform.lists.record.domain.ListRecord.CALENDAR).toInstant());
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
