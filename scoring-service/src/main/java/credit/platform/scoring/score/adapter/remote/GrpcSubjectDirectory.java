package credit.platform.scoring.score.adapter.remote;

import credit.common.v1.Identifier;
import credit.common.v1.IdentifierScheme;
import credit.platform.common.grpc.GrpcStatuses;
import credit.platform.common.grpc.RemoteCalls;
import credit.platform.scoring.score.domain.CompanyRegister;
import credit.platform.scoring.score.domain.InvalidUsccException;
import credit.platform.scoring.score.domain.SourceUnavailableException;
import credit.platform.scoring.score.domain.SubjectDirectory;
import credit.platform.scoring.score.domain.SubjectKind;
import credit.platform.scoring.score.domain.SubjectNotFoundException;
import credit.registry.v1.GetSubjectRequest;
import credit.registry.v1.RegistryServiceGrpc;
import credit.registry.v1.ResolveIdentifierRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The registry over gRPC ({@code GetSubject}; {@code ResolveIdentifier} for a USCC), through the
 * platform's call pattern.
 */
@Component
class GrpcSubjectDirectory implements SubjectDirectory, CompanyRegister {

    static final String CALL = "registry-get-subject";
    static final String RESOLVE_CALL = "registry-resolve-identifier";
    private static final java.util.regex.Pattern USCC = java.util.regex.Pattern.compile("[0-9A-HJ-NP-RT-UW-Y]{18}");

    private final RegistryServiceGrpc.RegistryServiceBlockingStub registry;
    private final RemoteCalls calls;

    GrpcSubjectDirectory(RegistryServiceGrpc.RegistryServiceBlockingStub registry, RemoteCalls calls) {
        this.registry = registry;
        this.calls = calls;
    }

    @Override
    public Optional<String> holderOf(String uscc) {
        if (uscc == null || !USCC.matcher(uscc).matches()) {
            throw new InvalidUsccException("format",
                    "a unified social credit code is 18 characters of 0-9 and A-Y without I, O, S, V and Z");
        }
        ResolveIdentifierRequest request = ResolveIdentifierRequest.newBuilder()
                .setIdentifier(Identifier.newBuilder().setScheme(IdentifierScheme.IDENTIFIER_SCHEME_USCC).setValue(uscc))
                .build();
        try {
            return Optional.of(calls.idempotent(RESOLVE_CALL,
                    deadline -> registry.withDeadline(deadline).resolveIdentifier(request)).getSubject().getSubjectId());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            if (e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
                String rule = GrpcStatuses.violations(e).stream().map(v -> v.rule()).findFirst().orElse("valid-uscc");
                throw new InvalidUsccException(rule, "not a valid unified social credit code (" + rule + ")");
            }
            throw new SourceUnavailableException("registry", e);
        }
    }

    @Override
    public Optional<String> holderOfResidentId(String residentId) {
        ResolveIdentifierRequest request = ResolveIdentifierRequest.newBuilder()
                .setIdentifier(Identifier.newBuilder().setScheme(IdentifierScheme.IDENTIFIER_SCHEME_RESIDENT_ID)
                        .setValue(residentId))
                .build();
        try {
            return Optional.of(calls.idempotent(RESOLVE_CALL,
                    deadline -> registry.withDeadline(deadline).resolveIdentifier(request)).getSubject().getSubjectId());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND || e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
                return Optional.empty();
            }
            throw new SourceUnavailableException("registry", e);
        }
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
