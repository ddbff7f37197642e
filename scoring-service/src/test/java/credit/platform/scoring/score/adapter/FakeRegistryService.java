package credit.platform.scoring.score.adapter;

import credit.common.v1.SubjectKind;
import credit.registry.v1.GetSubjectRequest;
import credit.registry.v1.GetSubjectResponse;
import credit.registry.v1.RegistryServiceGrpc;
import credit.registry.v1.Subject;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for the real registry-service in this test (the system tests run the real one): knows a
 * few subjects by id and kind, answers NOT_FOUND for others, UNAVAILABLE when told to.
 */
class FakeRegistryService extends RegistryServiceGrpc.RegistryServiceImplBase {

    final Map<String, SubjectKind> subjects = new ConcurrentHashMap<>();
    volatile boolean unavailable;

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
