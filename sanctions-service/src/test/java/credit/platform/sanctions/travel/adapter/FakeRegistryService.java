package credit.platform.sanctions.travel.adapter;

import credit.common.v1.Identifier;
import credit.registry.v1.GetSubjectRequest;
import credit.registry.v1.GetSubjectResponse;
import credit.registry.v1.ListRelationshipsRequest;
import credit.registry.v1.ListRelationshipsResponse;
import credit.registry.v1.RegistryServiceGrpc;
import credit.registry.v1.SubjectChangeKind;
import credit.registry.v1.WatchSubjectChangesRequest;
import credit.registry.v1.WatchSubjectChangesResponse;
import credit.registry.v1.Relationship;
import credit.registry.v1.Subject;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the real registry-service in this test (the system tests run the real one):
 * {@code GetSubject} with each subject's identifiers, {@code ListRelationships} of companies (valid
 * at as_of), {@code WatchSubjectChanges} (announced changes, then live ones); counts every call.
 */
class FakeRegistryService extends RegistryServiceGrpc.RegistryServiceImplBase {

    final Map<String, List<Identifier>> identifiers = new ConcurrentHashMap<>();
    final Map<String, List<Relationship>> relationships = new ConcurrentHashMap<>();
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public void getSubject(GetSubjectRequest request, StreamObserver<GetSubjectResponse> response) {
        calls.incrementAndGet();
        List<Identifier> ids = identifiers.get(request.getSubjectId());
        if (ids == null) {
            response.onError(Status.NOT_FOUND.asRuntimeException());
            return;
        }
        response.onNext(GetSubjectResponse.newBuilder()
                .setSubject(Subject.newBuilder().setSubjectId(request.getSubjectId()).addAllIdentifiers(ids)).build());
        response.onCompleted();
    }

    /** Relationships valid at as_of (now when unset), as the real registry answers. */
    @Override
    public void listRelationships(ListRelationshipsRequest request, StreamObserver<ListRelationshipsResponse> response) {
        calls.incrementAndGet();
        long at = request.hasAsOf() ? request.getAsOf().getSeconds() : java.time.Instant.now().getEpochSecond();
        response.onNext(ListRelationshipsResponse.newBuilder()
                .addAllRelationships(relationships.getOrDefault(request.getSubjectId(), new ArrayList<>()).stream()
                        .filter(r -> request.getAllPeriods() || ((!r.hasValidFrom() || r.getValidFrom().getSeconds() <= at)
                                && (!r.hasValidUntil() || r.getValidUntil().getSeconds() > at)))
                        .toList()).build());
        response.onCompleted();
    }

    private final List<WatchSubjectChangesResponse> changes = new ArrayList<>();
    private final List<StreamObserver<WatchSubjectChangesResponse>> watchers = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Announces a change of the subject on the change feed. */
    synchronized void announce(String subjectId) {
        WatchSubjectChangesResponse c = WatchSubjectChangesResponse.newBuilder().setSequence(changes.size() + 1)
                .setSubjectId(subjectId).setKind(SubjectChangeKind.SUBJECT_CHANGE_KIND_SUBJECT)
                .setOccurredAt(com.google.protobuf.Timestamp.newBuilder().setSeconds(java.time.Instant.now().getEpochSecond()))
                .build();
        changes.add(c);
        watchers.forEach(w -> w.onNext(c));
    }

    @Override
    public synchronized void watchSubjectChanges(WatchSubjectChangesRequest request,
            StreamObserver<WatchSubjectChangesResponse> response) {
        for (WatchSubjectChangesResponse c : changes) {
            if (c.getSequence() > request.getFromSequence()) {
                response.onNext(c);
            }
        }
        watchers.add(response);
        ((io.grpc.stub.ServerCallStreamObserver<WatchSubjectChangesResponse>) response)
                .setOnCancelHandler(() -> watchers.remove(response));
    }
}
