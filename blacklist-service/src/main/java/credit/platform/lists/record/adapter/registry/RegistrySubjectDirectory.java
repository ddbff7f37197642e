package credit.platform.lists.record.adapter.registry;

import credit.platform.common.grpc.GrpcStatuses;
import credit.platform.common.grpc.RemoteCalls;
import credit.platform.lists.definition.domain.RuleViolation;
import credit.platform.lists.record.domain.NamedSubject;
import credit.platform.lists.record.domain.RegisteredSubject;
import credit.platform.lists.record.domain.RegistryUnavailableException;
import credit.platform.lists.record.domain.SubjectDirectory;
import credit.platform.lists.record.domain.SubjectIdentifier;
import credit.platform.lists.record.domain.SubjectRejectedException;
import credit.common.v1.Identifier;
import credit.registry.v1.RegisterSubjectRequest;
import credit.registry.v1.RegisterSubjectResponse;
import credit.registry.v1.RegistryServiceGrpc;
import credit.registry.v1.ResolveIdentifierRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Resolves or registers subjects through the registry's {@code RegisterSubject} (idempotent, so it
 * goes through {@link RemoteCalls#idempotent}: deadline, breaker, bounded retry, settings
 * {@code credit.remote-calls.calls.registry-register}).
 */
@Component
class RegistrySubjectDirectory implements SubjectDirectory {

    private static final Logger log = LoggerFactory.getLogger(RegistrySubjectDirectory.class);
    static final String CALL = "registry-register";
    static final String FIND = "registry-resolve";

    private final RemoteCalls calls;
    private final RegistryServiceGrpc.RegistryServiceBlockingStub registry;

    RegistrySubjectDirectory(RemoteCalls calls, RegistryServiceGrpc.RegistryServiceBlockingStub registry) {
        this.calls = calls;
        this.registry = registry;
    }

    @Override
    public java.util.Optional<RegisteredSubject> find(SubjectIdentifier identifier) {
        ResolveIdentifierRequest request = ResolveIdentifierRequest.newBuilder().setIdentifier(toProto(identifier)).build();
        try {
            var subject = calls.idempotent(FIND, deadline -> registry.withDeadline(deadline).resolveIdentifier(request))
                    .getSubject();
            return java.util.Optional.of(new RegisteredSubject(subject.getSubjectId(),
                    normalised(subject.getIdentifiersList(), identifier), birthDate(subject)));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return java.util.Optional.empty();
            }
            log.warn("registry call {} failed: {} (identifier hash {})", FIND, e.getStatus().getCode(),
                    identifier.logHash());
            throw new RegistryUnavailableException("registry unavailable: " + e.getStatus().getCode(), e);
        } catch (RuntimeException e) {
            log.warn("registry call {} failed before reaching the registry: {}", FIND, e.getClass().getName());
            throw new RegistryUnavailableException("registry unavailable", e);
        }
    }

    private static java.time.LocalDate birthDate(credit.registry.v1.Subject subject) {
        return subject.hasBirthDate() ? java.time.Instant.ofEpochSecond(subject.getBirthDate().getSeconds())
                .atZone(credit.platform.identifiers.ChinaTime.ZONE).toLocalDate() : null;
    }

    @Override
    public RegisteredSubject registerOrGet(NamedSubject subject) {
        RegisterSubjectRequest.Builder builder = RegisterSubjectRequest.newBuilder()
                .setKind(credit.common.v1.SubjectKind.valueOf("SUBJECT_KIND_" + subject.kind().name()))
                .setIdentifier(toProto(subject.identifier()))
                .setName(subject.name());
        if (subject.birthDate() != null) {
            builder.setBirthDate(com.google.protobuf.Timestamp.newBuilder()
                    .setSeconds(credit.platform.identifiers.ChinaTime.startOf(subject.birthDate()).getEpochSecond()));
        }
        RegisterSubjectRequest request = builder.build();
        RegisterSubjectResponse response;
        try {
            response = calls.idempotent(CALL, deadline -> registry.withDeadline(deadline).registerSubject(request));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
                List<RuleViolation> violations = GrpcStatuses.violations(e).stream()
                        .map(v -> new RuleViolation(subjectField(v.field()), v.rule(), v.message()))
                        .toList();
                throw new SubjectRejectedException(violations.isEmpty()
                        ? List.of(new RuleViolation("subject", "registry-rejected", "the registry rejected the subject"))
                        : violations);
            }
            log.warn("registry call {} failed: {} (identifier hash {})", CALL, e.getStatus().getCode(),
                    subject.identifier().logHash());
            throw new RegistryUnavailableException("registry unavailable: " + e.getStatus().getCode(), e);
        } catch (RuntimeException e) {
            // e.g. this service's own token could not be obtained
            log.warn("registry call {} failed before reaching the registry: {}", CALL, e.getClass().getName());
            throw new RegistryUnavailableException("registry unavailable", e);
        }
        return new RegisteredSubject(response.getSubject().getSubjectId(),
                normalised(response.getSubject().getIdentifiersList(), subject.identifier()),
                birthDate(response.getSubject()));
    }

    @Override
    public java.util.Optional<String> holderOf(SubjectIdentifier identifier) {
        return find(identifier).map(RegisteredSubject::subjectId).filter(id -> !id.isEmpty());
    }

    /** The registry's field names ({@code identifier.value}) as the REST caller wrote them ({@code subject.value}). */
    static String subjectField(String registryField) {
        String field = registryField.startsWith("identifier.") ? registryField.substring("identifier.".length())
                : registryField;
        field = field.equals("issuing_country") ? "issuingCountry" : field.equals("birth_date") ? "birthDate" : field;
        return field.isEmpty() ? "subject" : "subject." + field;
    }

    /** The registry's normalised form of the identifier the authority gave (same scheme and country). */
    private static SubjectIdentifier normalised(List<Identifier> held, SubjectIdentifier given) {
        return held.stream()
                .filter(i -> i.getScheme().name().equals("IDENTIFIER_SCHEME_" + given.scheme().name()))
                .filter(i -> given.issuingCountry().isEmpty() || i.getIssuingCountry().equalsIgnoreCase(given.issuingCountry()))
                .findFirst()
                .map(i -> new SubjectIdentifier(given.scheme(), i.getValue(), i.getIssuingCountry()))
                .orElse(given);
    }

    private static Identifier toProto(SubjectIdentifier id) {
        return Identifier.newBuilder()
                .setScheme(credit.common.v1.IdentifierScheme.valueOf("IDENTIFIER_SCHEME_" + id.scheme().name()))
                .setValue(id.value())
                .setIssuingCountry(id.issuingCountry())
                .build();
    }
}
