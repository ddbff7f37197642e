package credit.platform.sanctions.travel.adapter;

import credit.lists.v1.ChangeEvent;
import credit.lists.v1.ChangeType;
import credit.lists.v1.ListRecord;
import credit.lists.v1.ListsServiceGrpc;
import credit.lists.v1.SnapshotRequest;
import credit.lists.v1.SnapshotResponse;
import credit.lists.v1.WatchRequest;
import credit.lists.v1.WatchResponse;
import com.google.protobuf.Timestamp;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the real lists service (blacklist-service) in this test; the system tests run the
 * real one. Serves {@code Snapshot} (the current records, then the sequence) and {@code Watch}
 * (the log after from_sequence, then live changes) from memory; counts every call it gets.
 */
class FakeListsService extends ListsServiceGrpc.ListsServiceImplBase {

    private final Map<String, ListRecord> current = new LinkedHashMap<>();
    private final List<ChangeEvent> log = new ArrayList<>();
    private final List<StreamObserver<WatchResponse>> watchers = new CopyOnWriteArrayList<>();
    final AtomicInteger calls = new AtomicInteger();

    synchronized void change(ChangeType type, ListRecord record) {
        current.put(record.getRecordId(), record);
        ChangeEvent event = ChangeEvent.newBuilder().setSequence(log.size() + 1).setType(type).setRecord(record)
                .setOccurredAt(Timestamp.newBuilder().setSeconds(Instant.now().getEpochSecond())).build();
        log.add(event);
        for (StreamObserver<WatchResponse> w : watchers) {
            w.onNext(WatchResponse.newBuilder().setChange(event).build());
        }
    }

    @Override
    public synchronized void snapshot(SnapshotRequest request, StreamObserver<SnapshotResponse> response) {
        calls.incrementAndGet();
        current.values().forEach(r -> response.onNext(SnapshotResponse.newBuilder().setRecord(r).build()));
        response.onNext(SnapshotResponse.newBuilder().setAtSequence(log.size()).build());
        response.onCompleted();
    }

    @Override
    public synchronized void watch(WatchRequest request, StreamObserver<WatchResponse> response) {
        calls.incrementAndGet();
        for (ChangeEvent e : log) {
            if (e.getSequence() > request.getFromSequence()) {
                response.onNext(WatchResponse.newBuilder().setChange(e).build());
            }
        }
        watchers.add(response);
        ((ServerCallStreamObserver<WatchResponse>) response).setOnCancelHandler(() -> watchers.remove(response));
    }
}
