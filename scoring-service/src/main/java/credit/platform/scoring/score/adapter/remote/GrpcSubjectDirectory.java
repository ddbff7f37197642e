package credit.platform.scoring.score.adapter.remote;

import credit.platform.common.grpc.RemoteCalls;
import credit.platform.scoring.score.domain.SourceUnavailableException;
import credit.platform.scoring.score.domain.SubjectDirectory;
import credit.platform.scoring.score.domain.SubjectKind;
import credit.platform.scoring.score.domain.SubjectNotFoundException;
import credit.registry.v1.GetSubjectRequest;
import credit.registry.v1.RegistryServiceGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.springframework.stereotype.Component;

/** The registry over gRPC ({@code GetSubject}), through the platform's call pattern. */
@Component
class GrpcSubjectDirectory implements SubjectDirectory {

    static final String CALL = "registry-get-subject";

    private final RegistryServiceGrpc.RegistryServiceBlockingStub registry;
    private final RemoteCalls calls;

    GrpcSubjectDirectory(RegistryServiceGrpc.RegistryServiceBlockingStub registry, RemoteCalls calls) {
        this.registry = registry;
        this.calls = calls;
    }

    @Override
    public SubjectKind kindOf(String subjectId) {
        GetSubjectRequest request = GetSubjectRequest.newBuilder().setSubjectId(subjectId).build();
        try {
            var subject = calls.idempotent(CALL, deadline -> registry.withDeadline(deadline).getSubject(request))
                    .getSubject();
            return switch (subject.getKind()) {
                case SUBJECT_KIND_PERSON -> SubjectKind.PERSON;
                case SUBJECT_KIND_LEGAL_ENTITY -> SubjectKind.LEGAL_ENTITY;
                case SUBJECT_KIND_GOVERNMENT_BODY -> SubjectKind.GOVERNMENT_BODY;
                default -> throw new SourceUnavailableException("registry",
                        new IllegalStateException("the registry answered without a subject kind"));
            };
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                throw new SubjectNotFoundException(subjectId);
            }
            // Any other failure (down, deadline, breaker open, refused) means no trustworthy answer.
            throw new SourceUnavailableException("registry", e);
        }
    }
}
