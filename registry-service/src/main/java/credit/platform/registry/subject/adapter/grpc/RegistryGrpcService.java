package credit.platform.registry.subject.adapter.grpc;

import com.google.protobuf.Timestamp;
import credit.common.v1.SubjectKind;
import credit.platform.common.grpc.GrpcStatuses;
import credit.platform.common.web.FieldViolation;
import credit.platform.registry.subject.domain.Identifier;
import credit.platform.registry.subject.domain.IdentifierScheme;
import credit.platform.registry.subject.domain.Identifiers;
import credit.platform.registry.subject.domain.InvalidIdentifierException;
import credit.platform.registry.subject.domain.NewSubject;
import credit.platform.registry.subject.domain.Subject;
import credit.platform.registry.subject.domain.SubjectNotFoundException;
import credit.platform.registry.subject.domain.SubjectService;
import credit.registry.v1.GetSubjectRequest;
import credit.registry.v1.GetSubjectResponse;
import credit.registry.v1.RegisterSubjectRequest;
import credit.registry.v1.RegisterSubjectResponse;
import credit.registry.v1.RegistryServiceGrpc;
import credit.registry.v1.ResolveIdentifierRequest;
import credit.registry.v1.ResolveIdentifierResponse;
import credit.registry.v1.SubjectStatus;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/** gRPC for the other services: get, resolve, register-or-get. */
@Service
class RegistryGrpcService extends RegistryServiceGrpc.RegistryServiceImplBase {

    private final SubjectService subjects;
    private final Clock clock;

    RegistryGrpcService(SubjectService subjects, Clock clock) {
        this.subjects = subjects;
        this.clock = clock;
    }

    @Override
    public void getSubject(GetSubjectRequest request, StreamObserver<GetSubjectResponse> response) {
        respond(response, () -> GetSubjectResponse.newBuilder().setSubject(toProto(subjects.get(request.getSubjectId()))).build());
    }

    @Override
    public void resolveIdentifier(ResolveIdentifierRequest request, StreamObserver<ResolveIdentifierResponse> response) {
        respond(response, () -> ResolveIdentifierResponse.newBuilder()
                .setSubject(toProto(subjects.resolve(identifier(request.getIdentifier(), "identifier"))))
                .build());
    }

    @Override
    public void registerSubject(RegisterSubjectRequest request, StreamObserver<RegisterSubjectResponse> response) {
        respond(response, () -> {
            var kind = switch (request.getKind()) {
                case SUBJECT_KIND_PERSON -> credit.platform.registry.subject.domain.SubjectKind.PERSON;
                case SUBJECT_KIND_LEGAL_ENTITY -> credit.platform.registry.subject.domain.SubjectKind.LEGAL_ENTITY;
                case SUBJECT_KIND_GOVERNMENT_BODY -> credit.platform.registry.subject.domain.SubjectKind.GOVERNMENT_BODY;
                default -> throw GrpcStatuses.invalidArgument(List.of(
                        new FieldViolation("kind", "required", "the subject kind is required")));
            };
            if (request.getName().isBlank()) {
                throw GrpcStatuses.invalidArgument(List.of(new FieldViolation("name", "required", "the name is required")));
            }
            Identifier identifier = identifier(request.getIdentifier(), "identifier");
            var outcome = subjects.registerOrGet(new NewSubject(kind, List.of(identifier), request.getName().strip(), "", ""));
            return RegisterSubjectResponse.newBuilder()
                    .setSubject(toProto(outcome.subject()))
                    .setCreated(outcome.created())
                    .build();
        });
    }

    private Identifier identifier(credit.common.v1.Identifier id, String field) {
        IdentifierScheme scheme = switch (id.getScheme()) {
            case IDENTIFIER_SCHEME_RESIDENT_ID -> IdentifierScheme.RESIDENT_ID;
            case IDENTIFIER_SCHEME_USCC -> IdentifierScheme.USCC;
            case IDENTIFIER_SCHEME_PASSPORT -> IdentifierScheme.PASSPORT;
            case IDENTIFIER_SCHEME_FOREIGN_PERMANENT_RESIDENT_ID -> IdentifierScheme.FOREIGN_PERMANENT_RESIDENT_ID;
            default -> throw GrpcStatuses.invalidArgument(List.of(
                    new FieldViolation(field + ".scheme", "required", "the identifier scheme is required")));
        };
        try {
            return Identifiers.parse(scheme, id.getValue(), id.getIssuingCountry(), LocalDate.now(clock));
        } catch (InvalidIdentifierException e) {
            throw GrpcStatuses.invalidArgument(List.of(new FieldViolation(field + ".value", e.rule(), e.getMessage())));
        }
    }

    static credit.registry.v1.Subject toProto(Subject s) {
        credit.registry.v1.Subject.Builder b = credit.registry.v1.Subject.newBuilder()
                .setSubjectId(s.id())
                .setKind(SubjectKind.valueOf("SUBJECT_KIND_" + s.kind().name()))
                .setName(s.name())
                .setLatinName(s.latinName())
                .setStatus(SubjectStatus.valueOf("SUBJECT_STATUS_" + s.status().name()))
                .setRegistrationRegion(s.registrationRegion())
                .setFlaggedForReview(s.flaggedForReview())
                .setVersion(s.version())
                .setCreatedAt(Timestamp.newBuilder().setSeconds(s.createdAt().getEpochSecond())
                        .setNanos(s.createdAt().getNano()));
        for (Identifier i : s.identifiers()) {
            b.addIdentifiers(credit.common.v1.Identifier.newBuilder()
                    .setScheme(credit.common.v1.IdentifierScheme.valueOf("IDENTIFIER_SCHEME_" + i.scheme().name()))
                    .setValue(i.value())
                    .setIssuingCountry(i.issuingCountry()));
        }
        return b.build();
    }

    private static <T> void respond(StreamObserver<T> response, java.util.function.Supplier<T> body) {
        T result;
        try {
            result = body.get();
        } catch (SubjectNotFoundException e) {
            response.onError(Status.NOT_FOUND.withDescription(e.getMessage()).asRuntimeException());
            return;
        } catch (io.grpc.StatusRuntimeException e) {
            response.onError(e);
            return;
        }
        response.onNext(result);
        response.onCompleted();
    }
}
