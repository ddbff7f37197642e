package credit.platform.scoring.score.adapter;

import credit.common.v1.SubjectKind;
import credit.registry.v1.GetSubjectRequest;
import credit.registry.v1.GetSubjectResponse;
import credit.registry.v1.ListPermitsRequest;
import credit.registry.v1.ListPermitsResponse;
import credit.registry.v1.Permit;
import credit.registry.v1.ResolveIdentifierRequest;
import credit.registry.v1.ResolveIdentifierResponse;
import credit.registry.v1.SubjectChangeKind;
import credit.registry.v1.WatchSubjectChangesRequest;
import credit.registry.v1.WatchSubjectChangesResponse;
import io.grpc.stub.ServerCallStreamObserver;
import credit.registry.v1.RegistryServiceGrpc;
import credit.registry.v1.Subject;
import credit.registry.v1.ListRelationshipsRequest;
import credit.registry.v1.ListRelationshipsResponse;
import credit.registry.v1.Relationship;
import credit.registry.v1.RelationshipType;
import io.grpc.Status;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import io.grpc.stub.StreamObserver;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for the real registry-service in this test (the system tests run the real one): knows a
 * few subjects by id and kind, their relationships and permits, answers NOT_FOUND for others,
 * UNAVAILABLE when told to. {@code WatchSubjectChanges} is UNIMPLEMENTED (the scoring service
 * tolerates that) unless {@link #serveWatch} is set; it then streams {@link #announce announced}
 * changes from the requested sequence on.
 */
class FakeRegistryService extends RegistryServiceGrpc.RegistryServiceImplBase {

    final Map<String, SubjectKind> subjects = new ConcurrentHashMap<>();
    /** Relationships: the person or entity holding the role (from) in the entity (to). */
    final List<Relationship> relationships = new CopyOnWriteArrayList<>();
    /** Permits by holder. */
    final Map<String, List<Permit>> permits = new ConcurrentHashMap<>();
    volatile boolean unavailable;

    final List<WatchSubjectChangesResponse> changes = new CopyOnWriteArrayList<>();
    volatile boolean serveWatch;

    /** Appends a permit change of the subject to the change feed (next sequence). */
    void announcePermit(String subjectId, String permitId) {
        changes.add(WatchSubjectChangesResponse.newBuilder().setSequence(changes.size() + 1L).setSubjectId(subjectId)
                .setKind(SubjectChangeKind.SUBJECT_CHANGE_KIND_PERMIT).setPermitId(permitId).build());
    }

    @Override
    public void watchSubjectChanges(WatchSubjectChangesRequest request,
            StreamObserver<WatchSubjectChangesResponse> response) {
        if (!serveWatch) {
            super.watchSubjectChanges(request, response);
            return;
        }
        ServerCallStreamObserver<WatchSubjectChangesResponse> call =
                (ServerCallStreamObserver<WatchSubjectChangesResponse>) response;
        long next = Math.max(1, request.getFromSequence());
        try {
            while (!call.isCancelled()) {
                for (WatchSubjectChangesResponse c : changes) {
                    if (c.getSequence() >= next) {
                        response.onNext(c);
                        next = c.getSequence() + 1;
                    }
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Identifier value → the subject holding it (any scheme). */
    final Map<String, String> identifiers = new ConcurrentHashMap<>();

    @Override
    public void resolveIdentifier(ResolveIdentifierRequest request, StreamObserver<ResolveIdentifierResponse> response) {
        if (unavailable) {
            response.onError(Status.UNAVAILABLE.withDescription("fake registry is down").asRuntimeException());
            return;
        }
        String id = identifiers.get(request.getIdentifier().getValue());
        if (id == null || !subjects.containsKey(id)) {
            response.onError(Status.NOT_FOUND.withDescription("no such subject").asRuntimeException());
            return;
        }
        response.onNext(ResolveIdentifierResponse.newBuilder()
                .setSubject(Subject.newBuilder().setSubjectId(id).setKind(subjects.get(id)).setName("(fake)")).build());
        response.onCompleted();
    }

    void grant(String subjectId, Permit permit) {
        permits.computeIfAbsent(subjectId, k -> new CopyOnWriteArrayList<>()).add(permit);
    }

    @Override
    public void listPermits(ListPermitsRequest request, StreamObserver<ListPermitsResponse> response) {
        if (unavailable) {
            response.onError(Status.UNAVAILABLE.withDescription("fake registry is down").asRuntimeException());
            return;
        }
        if (!subjects.containsKey(request.getSubjectId())) {
            response.onError(Status.NOT_FOUND.withDescription("no such subject").asRuntimeException());
            return;
        }
        response.onNext(ListPermitsResponse.newBuilder()
                .addAllPermits(permits.getOrDefault(request.getSubjectId(), List.of())).build());
        response.onCompleted();
    }

    void relate(String from, RelationshipType type, String to) {
        relationships.add(Relationship.newBuilder().setRelationshipId("rel-" + relationships.size()).setType(type)
                .setFromSubjectId(from).setToSubjectId(to).build());
    }

    @Override
    public void listRelationships(ListRelationshipsRequest request, StreamObserver<ListRelationshipsResponse> response) {
        if (unavailable) {
            response.onError(Status.UNAVAILABLE.withDescription("fake registry is down").asRuntimeException());
            return;
        }
        String id = request.getSubjectId();
        var b = ListRelationshipsResponse.newBuilder();
        for (Relationship r : relationships) {
            boolean outgoing = r.getFromSubjectId().equals(id);
            boolean incoming = r.getToSubjectId().equals(id);
            boolean wanted = switch (request.getDirection()) {
                case RELATIONSHIP_DIRECTION_OUTGOING -> outgoing;
                case RELATIONSHIP_DIRECTION_INCOMING -> incoming;
                default -> outgoing || incoming;
            };
            if (wanted && (request.getTypesCount() == 0 || request.getTypesList().contains(r.getType()))) {
                b.addRelationships(r);
            }
        }
        response.onNext(b.build());
        response.onCompleted();
    }

    @Override
    public void getSubject(GetSubjectRequest request, StreamObserver<GetSubjectResponse> response) {
        if (unavailable) {
            response.onError(Status.UNAVAILABLE.withDescription("fake registry is down").asRuntimeException());
            return;
        }
        SubjectKind kind = subjects.get(request.getSubjectId());
        if (kind == null) {
            response.onError(Status.NOT_FOUND.withDescription("no such subject").asRuntimeException());
            return;
        }
        response.onNext(GetSubjectResponse.newBuilder()
                .setSubject(Subject.newBuilder().setSubjectId(request.getSubjectId()).setKind(kind).setName("(fake)"))
                .build());
        response.onCompleted();
    }
}
