package credit.platform.sanctions.travel.adapter;

import com.google.protobuf.Timestamp;
import credit.scoring.v1.ScoringServiceGrpc;
import credit.scoring.v1.WatchGradeChangesRequest;
import credit.scoring.v1.WatchGradeChangesResponse;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the real scoring service (scoring-service) in this test; the system tests run the
 * real one. Serves {@code WatchGradeChanges} (the log after from_sequence, then live changes) from
 * memory; counts every watch it gets.
 */
class FakeScoringService extends ScoringServiceGrpc.ScoringServiceImplBase {

    private final List<WatchGradeChangesResponse> log = new ArrayList<>();
    private final List<StreamObserver<WatchGradeChangesResponse>> watchers = new CopyOnWriteArrayList<>();
    final AtomicInteger watches = new AtomicInteger();

    synchronized void gradeChange(String subjectId, String modelId, String previous, String grade) {
        WatchGradeChangesResponse change = WatchGradeChangesResponse.newBuilder().setSequence(log.size() + 1)
                .setSubjectId(subjectId).setModelId(modelId).setModelVersion(3).setPreviousGrade(previous)
                .setGrade(grade).setOccurredAt(Timestamp.newBuilder().setSeconds(Instant.now().getEpochSecond() - 1))
                .setCause("test").build();
        log.add(change);
        watchers.forEach(w -> w.onNext(change));
    }

    /** Ends every open watch with an error, as a restarting scoring service would. */
    synchronized void dropWatchers() {
        watchers.forEach(w -> w.onError(io.grpc.Status.UNAVAILABLE.asRuntimeException()));
        watchers.clear();
    }

    @Override
    public synchronized void watchGradeChanges(WatchGradeChangesRequest request,
            StreamObserver<WatchGradeChangesResponse> response) {
        watches.incrementAndGet();
        for (WatchGradeChangesResponse c : log) {
            if (c.getSequence() > request.getFromSequence()) {
                response.onNext(c);
            }
        }
        watchers.add(response);
        ((ServerCallStreamObserver<WatchGradeChangesResponse>) response).setOnCancelHandler(() -> watchers.remove(response));
    }
}
