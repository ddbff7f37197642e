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
import credit.common.v1.FeedCaughtUp;
import credit.platform.common.grpc.GrpcStatuses;
import credit.platform.feed.server.FeedEntry;
import credit.platform.feed.server.FeedWatch;
import credit.platform.common.web.FieldViolation;
import credit.platform.lists.feed.adapter.FeedProperties;
import credit.platform.lists.feed.adapter.ListsFeedLog;
import credit.platform.lists.feed.domain.ChangeFeed;
import credit.platform.lists.record.domain.RecordNotFoundException;
import credit.platform.lists.record.domain.RecordService;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * gRPC for the other services: records, and the change feed as Snapshot + Watch (the list/watch
 * pattern). Scopes come from the contract ({@code lists.read}), enforced by the platform interceptor.
 */
@Service
class ListsGrpcService extends ListsServiceGrpc.ListsServiceImplBase {

    private final RecordService records;
    private final ChangeFeed feed;
    private final FeedWatch<WatchResponse> watch;

    ListsGrpcService(RecordService records, ChangeFeed feed, ListsFeedLog log, FeedProperties properties) {
        this.records = records;
        this.feed = feed;
        this.watch = new FeedWatch<>(log.log(), new FeedWatch.Messages<>() {
            @Override
            public WatchResponse change(FeedEntry entry) {
                return WatchResponse.newBuilder().setChange(RecordProtos.change(ListsFeedLog.toEvent(entry),
                        records.today())).build();
            }

            @Override
            public WatchResponse resnapshotRequired(long oldestRetainedSequence) {
                return WatchResponse.newBuilder().setResnapshotRequired(ResnapshotRequired.newBuilder()
                        .setOldestRetainedSequence(oldestRetainedSequence)).build();
            }

            @Override
            public WatchResponse caughtUp(long head) {
                return WatchResponse.newBuilder().setCaughtUp(FeedCaughtUp.newBuilder().setHeadSequence(head)).build();
            }
        }, new FeedWatch.Settings(properties.pollInterval(), properties.batchSize()));
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

    /** The change feed: every change after the consumer's position, on every replica (platform change-feed component). */
    @Override
    public void watch(WatchRequest request, StreamObserver<WatchResponse> response) {
        watch.serve(request.getFromSequence(), request.getCaughtUpMarkers(), response);
    }

    /** Ends every watch cleanly before the gRPC server stops, so consumers reconnect elsewhere at once. */
    @EventListener(ContextClosedEvent.class)
    void closeWatches() {
        watch.close();
    }
}
