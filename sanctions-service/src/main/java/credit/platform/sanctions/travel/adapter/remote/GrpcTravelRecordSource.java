package credit.platform.sanctions.travel.adapter.remote;

import com.google.protobuf.Timestamp;
import credit.lists.v1.ListSubjectRecordsRequest;
import credit.lists.v1.ListsServiceGrpc;
import credit.lists.v1.RecordStatus;
import credit.platform.common.grpc.RemoteCalls;
import credit.platform.sanctions.travel.domain.RecordSource;
import credit.platform.sanctions.travel.domain.SourceUnavailableException;
import credit.platform.sanctions.travel.domain.TravelRecord;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The lists service over gRPC ({@code ListSubjectRecords}, records not ended). Removed and expired
 * records never restrict (REFERENCE.md §2: deleted entries are "no longer used for punishment"); a
 * disputed record keeps restricting until the authority decides the objection.
 */
@Component
class GrpcTravelRecordSource implements RecordSource {

    static final String CALL = "lists-subject-records";

    private static final Set<RecordStatus> RESTRICTING = Set.of(RecordStatus.RECORD_STATUS_ACTIVE,
            RecordStatus.RECORD_STATUS_EXTENDED, RecordStatus.RECORD_STATUS_DISPUTED);

    private final ListsServiceGrpc.ListsServiceBlockingStub lists;
    private final RemoteCalls calls;

    GrpcTravelRecordSource(ListsServiceGrpc.ListsServiceBlockingStub lists, RemoteCalls calls) {
        this.lists = lists;
        this.calls = calls;
    }

    @Override
    public List<TravelRecord> currentRecords(String subjectId) {
        ListSubjectRecordsRequest request = ListSubjectRecordsRequest.newBuilder().setSubjectId(subjectId).build();
        try {
            return calls.idempotent(CALL, deadline -> lists.withDeadline(deadline).listSubjectRecords(request))
                    .getRecordsList().stream()
                    .filter(r -> RESTRICTING.contains(r.getStatus()))
                    .map(r -> new TravelRecord(r.getRecordId(), r.getListId(), r.getIssuingAuthority(),
                            r.hasEffectiveFrom() ? instant(r.getEffectiveFrom()) : null,
                            r.hasEffectiveUntil() ? instant(r.getEffectiveUntil()) : null))
                    .toList();
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return List.of();
            }
            throw new SourceUnavailableException("lists", e);
        }
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
