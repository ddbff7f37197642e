package credit.platform.sanctions.enforcement.adapter.remote;

import com.google.protobuf.Timestamp;
import credit.common.v1.Identifier;
import credit.lists.v1.ListRecord;
import credit.platform.sanctions.enforcement.domain.FeedRecord;
import credit.platform.identifiers.IdentifierScheme;
import credit.platform.sanctions.enforcement.domain.RecordState;
import credit.platform.sanctions.enforcement.domain.SubjectKey;
import java.time.Instant;
import java.util.Optional;

/** Translates the lists and registry contracts into the index's terms. */
final class ProtoMapping {

    private ProtoMapping() {
    }

    static Optional<SubjectKey> key(Identifier id) {
        IdentifierScheme scheme = switch (id.getScheme()) {
            case IDENTIFIER_SCHEME_RESIDENT_ID -> IdentifierScheme.RESIDENT_ID;
            case IDENTIFIER_SCHEME_PASSPORT -> IdentifierScheme.PASSPORT;
            case IDENTIFIER_SCHEME_FOREIGN_PERMANENT_RESIDENT_ID -> IdentifierScheme.FOREIGN_PERMANENT_RESIDENT_ID;
            case IDENTIFIER_SCHEME_USCC -> IdentifierScheme.USCC;
            default -> null;
        };
        return scheme == null || id.getValue().isBlank() ? Optional.empty()
                : Optional.of(new SubjectKey(scheme, id.getValue(), id.getIssuingCountry()));
    }

    static FeedRecord record(ListRecord r) {
        RecordState state = switch (r.getStatus()) {
            case RECORD_STATUS_ACTIVE -> RecordState.ACTIVE;
            case RECORD_STATUS_EXTENDED -> RecordState.EXTENDED;
            case RECORD_STATUS_DISPUTED -> RecordState.DISPUTED;
            case RECORD_STATUS_REMOVED -> RecordState.REMOVED;
            case RECORD_STATUS_EXPIRED -> RecordState.EXPIRED;
            default -> RecordState.UNKNOWN;
        };
        String kind = r.getListKind().name().startsWith("LIST_KIND_")
                ? r.getListKind().name().substring("LIST_KIND_".length()) : r.getListKind().name();
        // A record without a usable identifier can still be removed by id; it is keyed by its subject id.
        SubjectKey named = key(r.getIdentifier()).orElse(new SubjectKey(IdentifierScheme.USCC, "subject:" + r.getSubjectId(), ""));
        return new FeedRecord(r.getRecordId(), r.getListId(), kind, r.getSubjectId(), named, r.getIssuingAuthority(),
                state, r.hasEffectiveFrom() ? instant(r.getEffectiveFrom()) : null,
                r.hasEffectiveUntil() ? instant(r.getEffectiveUntil()) : null);
    }

    static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
