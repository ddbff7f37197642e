package credit.platform.lists.feed.adapter.grpc;

import credit.lists.v1.GetRecordRequest;
import credit.lists.v1.GetRecordResponse;
import credit.lists.v1.ListSubjectRecordsRequest;
import credit.lists.v1.ListSubjectRecordsResponse;
import credit.lists.v1.ListsServiceGrpc;
import credit.lists.v1.ResnapshotRequired;
import credit.lists.v1.SnapshotRequest;
import credit.lists.v1.SnapshotResponse;
import credit.lists.v1.WatchRequest;
import credit.lists.v1.WatchResponse;
import credit.platform.common.grpc.GrpcStatuses;
import credit.platform.common.web.FieldViolation;
import credit.platform.lists.feed.adapter.FeedProperties;
import credit.platform.lists.feed.domain.ChangeFeed;
import credit.platform.lists.record.domain.RecordNotFoundException;
import credit.platform.lists.record.domain.RecordService;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * gRPC for the other services: records, and the change feed as Snapshot + Watch (the list/watch
 * pattern). Scopes come from the contract ({@code lists.read}), enforced by the platform interceptor.
 */
@Service
class ListsGrpcService extends ListsServiceGrpc.ListsServiceImplBase {

    private static final Logger log = LoggerFactory.getLogger(ListsGrpcService.class);

    private final RecordService records;
    private final ChangeFeed feed;
    private final FeedProperties properties;
    private final Set<FeedWatcher> watchers = ConcurrentHashMap.newKeySet();

    ListsGrpcService(RecordService records, ChangeFeed feed, FeedProperties properties) {
        this.records = records;
        this.feed = feed;
        this.properties = properties;
    }

    @Override
    public void getRecord(GetRecordRequest request, StreamObserver<GetRecordResponse> response) {
        if (request.getRecordId().isBlank()) {
            response.onError(GrpcStatuses.invalidArgument(List.of(
                    new FieldViolation("record_id", "required", "the record id is required"))));
            return;
        }
        try {
            var record = records.get(request.getRecordId());
            response.onNext(GetRecordResponse.newBuilder().setRecord(RecordProtos.record(record, records.today())).build());
            response.onCompleted();
        } catch (RecordNotFoundException e) {
            response.onError(Status.NOT_FOUND.withDescription(e.getMessage()).asRuntimeException());
        }
    }

    @Override
    public void listSubjectRecords(ListSubjectRecordsRequest request,
            StreamObserver<ListSubjectRecordsResponse> response) {
        if (request.getSubjectId().isBlank()) {
            response.onError(GrpcStatuses.invalidArgument(List.of(
                    new FieldViolation("subject_id", "required", "the subject id is required"))));
            return;
        }
        LocalDate today = records.today();
        ListSubjectRecordsResponse.Builder out = ListSubjectRecordsResponse.newBuilder();
        if (request.hasAsOf()) {
            LocalDate day = LocalDate.ofInstant(java.time.Instant.ofEpochSecond(request.getAsOf().getSeconds(),
                    request.getAsOf().getNanos()), credit.platform.lists.record.domain.ListRecord.CALENDAR);
            records.recordsOfAsOf(request.getSubjectId(), day)
                    .forEach(r -> out.addRecords(RecordProtos.record(r, today)));
        } else {
            records.recordsOf(request.getSubjectId(), request.getIncludeEnded())
                    .forEach(r -> out.addRecords(RecordProtos.record(r, today)));
        }
        response.onNext(out.build());
        response.onCompleted();
    }

    @Override
    public void snapshot(SnapshotRequest request, StreamObserver<SnapshotResponse> response) {
        LocalDate today = records.today();
        long at = feed.snapshot(today, record -> response.onNext(
                SnapshotResponse.newBuilder().setRecord(RecordProtos.record(record, today)).build()));
        response.onNext(SnapshotResponse.newBuilder().setAtSequence(at).build());
        response.onCompleted();
    }

    @Override
    public void watch(WatchRequest request, StreamObserver<WatchResponse> response) {
        long from = request.getFromSequence();
        if (from < feed.oldestResumableSequence()) {
            response.onNext(WatchResponse.newBuilder()
                    .setResnapshotRequired(ResnapshotRequired.newBuilder()
                            .setOldestRetainedSequence(feed.oldestRetainedSequence()))
                    .build());
            response.onCompleted();
            return;
        }
        FeedWatcher watcher = new FeedWatcher(feed, (ServerCallStreamObserver<WatchResponse>) response, from,
                properties, records::today, watchers::remove);
        watchers.add(watcher);
        watcher.start();
        log.debug("watch started after sequence {}", from);
    }

    /** Ends every watch cleanly before the gRPC server stops, so consumers reconnect elsewhere at once. */
    @EventListener(ContextClosedEvent.class)
    void closeWatches() {
        watchers.forEach(FeedWatcher::close);
    }
}
