package credit.platform.sanctions.travel.adapter;

import credit.platform.common.grpc.GrpcStatuses;
import credit.platform.common.web.FieldViolation;
import credit.registry.v1.RegistryServiceGrpc;
import credit.registry.v1.ResolveIdentifierRequest;
import credit.registry.v1.ResolveIdentifierResponse;
import credit.registry.v1.Subject;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for the real registry-service in this test (the system tests run the real one):
 * resolves known document numbers, NOT_FOUND for others, INVALID_ARGUMENT (as the registry does,
 * naming {@code identifier.value}) for numbers in {@link #invalid}, UNAVAILABLE when told to.
 */
class FakeRegistryService extends RegistryServiceGrpc.RegistryServiceImplBase {

    final Map<String, String> subjectIdsByDocument = new ConcurrentHashMap<>();
    final Map<String, String> invalid = new ConcurrentHashMap<>();
    volatile boolean unavailable;

    @Override
    public void resolveIdentifier(ResolveIdentifierRequest request, StreamObserver<ResolveIdentifierResponse> response) {
        String value = request.getIdentifier().getValue();
        if (unavailable) {
            response.onError(Status.UNAVAILABLE.withDescription("fake registry is down").asRuntimeException());
        } else if (invalid.containsKey(value)) {
            response.onError(GrpcStatuses.invalidArgument(List.of(
                    new FieldViolation("identifier.value", "check-character", invalid.get(value)))));
        } else if (!subjectIdsByDocument.containsKey(value)) {
            response.onError(Status.NOT_FOUND.withDescription("no subject holds it").asRuntimeException());
        } else {
            response.onNext(ResolveIdentifierResponse.newBuilder()
                    .setSubject(Subject.newBuilder().setSubjectId(subjectIdsByDocument.get(value)))
                    .build());
            response.onCompleted();
        }
    }
}
