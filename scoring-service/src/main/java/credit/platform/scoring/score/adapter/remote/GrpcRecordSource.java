package credit.platform.scoring.score.adapter.remote;

import com.google.protobuf.Timestamp;
import credit.lists.v1.ListRecord;
import credit.lists.v1.ListSubjectRecordsRequest;
import credit.lists.v1.ListsServiceGrpc;
import credit.platform.common.grpc.RemoteCalls;
import credit.platform.scoring.score.domain.ListKind;
import credit.platform.scoring.score.domain.ListRecordFact;
import credit.platform.scoring.score.domain.RecordSource;
import credit.platform.scoring.score.domain.SourceUnavailableException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.util.List;
import java.util.Iterator;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import credit.lists.v1.SnapshotRequest;
import credit.lists.v1.SnapshotResponse;
import org.springframework.stereotype.Component;

/** The lists service over gRPC ({@code ListSubjectRecords}, effective records only). */
@Component
class GrpcRecordSource implements RecordSource {

    static final String CALL = "lists-subject-records";
    static final String SNAPSHOT_CALL = "lists-snapshot";

    /** Statuses under which a record still counts; removed and expired records never do. */
    private static final Set<credit.lists.v1.RecordStatus> COUNTING = Set.of(
            credit.lists.v1.RecordStatus.RECORD_STATUS_ACTIVE, credit.lists.v1.RecordStatus.RECORD_STATUS_EXTENDED,
            credit.lists.v1.RecordStatus.RECORD_STATUS_DISPUTED);

    private final ListsServiceGrpc.ListsServiceBlockingStub lists;
    private final RemoteCalls calls;

    GrpcRecordSource(ListsServiceGrpc.ListsServiceBlockingStub lists, RemoteCalls calls) {
        this.lists = lists;
        this.calls = calls;
    }

    @Override
    public List<ListRecordFact> effectiveRecords(String subjectId) {
        ListSubjectRecordsRequest request = ListSubjectRecordsRequest.newBuilder().setSubjectId(subjectId).build();
        try {
            return calls.idempotent(CALL, deadline -> lists.withDeadline(deadline).listSubjectRecords(request))
                    .getRecordsList().stream()
                    .filter(r -> COUNTING.contains(r.getStatus()))
                    .map(GrpcRecordSource::toFact)
                    .flatMap(java.util.Optional::stream)
                    .toList();
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return List.of();
            }
            throw new SourceUnavailableException("lists", e);
        }
    }

    /** Every subject with an effective record, from a {@code Snapshot} of the lists (read to its end). */
    @Override
    public SortedSet<String> subjectsWithRecords() {
        try {
            return calls.idempotent(SNAPSHOT_CALL, deadline -> {
                SortedSet<String> subjects = new TreeSet<>();
                Iterator<SnapshotResponse> it = lists.withDeadline(deadline).snapshot(SnapshotRequest.getDefaultInstance());
                while (it.hasNext()) {
                    SnapshotResponse item = it.next();
                    if (item.hasRecord() && !item.getRecord().getSubjectId().isEmpty()) {
                        subjects.add(item.getRecord().getSubjectId());
                    }
                }
                return subjects;
            });
        } catch (StatusRuntimeException e) {
            throw new SourceUnavailableException("lists", e);
        }
    }

    private static java.util.Optional<ListRecordFact> toFact(ListRecord r) {
        ListKind kind = switch (r.getListKind()) {
            case LIST_KIND_BLACK -> ListKind.BLACK;
            case LIST_KIND_RED -> ListKind.RED;
            case LIST_KIND_IRREGULARITY -> ListKind.IRREGULARITY;
            case LIST_KIND_WATCH -> ListKind.WATCH;
            case LIST_KIND_PENALTY -> ListKind.PENALTY;
            default -> null;
        };
        if (kind == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ListRecordFact(r.getRecordId(), r.getListId(), kind, r.getIssuingAuthority(),
                r.getLegalGround(), r.hasEffectiveFrom() ? instant(r.getEffectiveFrom()) : null,
                r.hasEffectiveUntil() ? instant(r.getEffectiveUntil()) : null, null, null));
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
