package credit.platform.scoring.score.adapter;

import credit.lists.v1.ListRecord;
import credit.lists.v1.ListSubjectRecordsRequest;
import credit.lists.v1.ListSubjectRecordsResponse;
import credit.lists.v1.ListsServiceGrpc;
import credit.lists.v1.ChangeEvent;
import credit.lists.v1.ChangeType;
import credit.lists.v1.SnapshotRequest;
import credit.lists.v1.SnapshotResponse;
import credit.lists.v1.WatchRequest;
import credit.lists.v1.WatchResponse;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.concurrent.CopyOnWriteArrayList;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for the real lists service (blacklist-service) in this test; the system tests run the
 * real one. Answers {@code ListSubjectRecords} from a map, UNAVAILABLE when told to; {@code Snapshot}
 * streams the map's records then the current sequence; {@code Watch} streams the recorded changes
 * after the asked sequence, then new ones as {@link #change} adds them (the stream stays open).
 */
class FakeListsService extends ListsServiceGrpc.ListsServiceImplBase {

    final Map<String, List<ListRecord>> records = new ConcurrentHashMap<>();
    final List<ChangeEvent> log = new CopyOnWriteArrayList<>();
    final List<Long> watchedFrom = new CopyOnWriteArrayList<>();
    volatile boolean unavailable;
    /** Set to end every open Watch with UNAVAILABLE (a broken connection); cleared by the next Watch. */
    volatile boolean dropWatchers;

    /** Applies a change: the subject's records become {@code now}, and the change is logged. */
    synchronized void change(ChangeType type, ListRecord record, List<ListRecord> now) {
        records.put(record.getSubjectId(), now);
        log.add(ChangeEvent.newBuilder().setSequence(log.size() + 1).setType(type).setRecord(record).build());
        notifyAll();
    }

    @Override
    public void snapshot(SnapshotRequest request, StreamObserver<SnapshotResponse> response) {
        long at;
        synchronized (this) {
            at = log.size();
            records.values().forEach(list -> list.forEach(r -> response.onNext(
                    SnapshotResponse.newBuilder().setRecord(r).build())));
        }
        response.onNext(SnapshotResponse.newBuilder().setAtSequence(at).build());
        response.onCompleted();
    }

    @Override
    public void watch(WatchRequest request, StreamObserver<WatchResponse> response) {
        watchedFrom.add(request.getFromSequence());
        ServerCallStreamObserver<WatchResponse> call = (ServerCallStreamObserver<WatchResponse>) response;
        long next = request.getFromSequence() + 1;
        try {
            while (!call.isCancelled()) {
                if (dropWatchers) {
                    dropWatchers = false;
                    response.onError(Status.UNAVAILABLE.withDescription("connection dropped").asRuntimeException());
                    return;
                }
                ChangeEvent event = null;
                synchronized (this) {
                    if (log.size() >= next) {
                        event = log.get((int) next - 1);
                    } else {
                        wait(100);
                    }
                }
                if (event != null) {
                    response.onNext(WatchResponse.newBuilder().setChange(event).build());
                    next++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the watcher went away
        }
    }

    @Override
    public void listSubjectRecords(ListSubjectRecordsRequest request,
            StreamObserver<ListSubjectRecordsResponse> response) {
        if (unavailable) {
            response.onError(Status.UNAVAILABLE.withDescription("fake lists service is down").asRuntimeException());
            return;
        }
        response.onNext(ListSubjectRecordsResponse.newBuilder()
                .addAllRecords(records.getOrDefault(request.getSubjectId(), List.of()))
                .build());
        response.onCompleted();
    }
}
