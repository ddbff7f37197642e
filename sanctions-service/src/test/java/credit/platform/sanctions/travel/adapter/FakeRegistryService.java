package credit.platform.sanctions.travel.adapter;

import credit.common.v1.Identifier;
import credit.registry.v1.GetSubjectRequest;
import credit.registry.v1.GetSubjectResponse;
import credit.registry.v1.ListRelationshipsRequest;
import credit.registry.v1.ListRelationshipsResponse;
import credit.registry.v1.RegistryServiceGrpc;
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
 * {@code GetSubject} with each subject's identifiers, {@code ListRelationships} of companies;
 * counts every call it gets.
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

    @Override
    public void listRelationships(ListRelationshipsRequest request, StreamObserver<ListRelationshipsResponse> response) {
        calls.incrementAndGet();
        response.onNext(ListRelationshipsResponse.newBuilder()
                .addAllRelationships(relationships.getOrDefault(request.getSubjectId(), new ArrayList<>())).build());
        response.onCompleted();
    }
}
