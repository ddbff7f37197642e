package credit.platform.sanctions.travel.adapter.remote;

import credit.common.v1.Identifier;
import credit.common.v1.IdentifierScheme;
import credit.platform.common.grpc.GrpcStatuses;
import credit.platform.common.grpc.RemoteCalls;
import credit.platform.sanctions.travel.domain.IdentityResolver;
import credit.platform.sanctions.travel.domain.InvalidTravelCheckException;
import credit.platform.sanctions.travel.domain.SourceUnavailableException;
import credit.platform.sanctions.travel.domain.TravelDocument;
import credit.platform.sanctions.travel.domain.Violation;
import credit.registry.v1.RegistryServiceGrpc;
import credit.registry.v1.ResolveIdentifierRequest;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The registry over gRPC ({@code ResolveIdentifier}), through the platform's call pattern. */
@Component
class GrpcIdentityResolver implements IdentityResolver {

    static final String CALL = "registry-resolve";

    private final RegistryServiceGrpc.RegistryServiceBlockingStub registry;
    private final RemoteCalls calls;

    GrpcIdentityResolver(RegistryServiceGrpc.RegistryServiceBlockingStub registry, RemoteCalls calls) {
        this.registry = registry;
        this.calls = calls;
    }

    @Override
    public Optional<String> subjectIdFor(TravelDocument document) {
        ResolveIdentifierRequest request = ResolveIdentifierRequest.newBuilder()
                .setIdentifier(Identifier.newBuilder()
                        .setScheme(IdentifierScheme.valueOf("IDENTIFIER_SCHEME_" + document.scheme().name()))
                        .setValue(document.value())
                        .setIssuingCountry(document.issuingCountry()))
                .build();
        try {
            return Optional.of(calls.idempotent(CALL, deadline -> registry.withDeadline(deadline).resolveIdentifier(request))
                    .getSubject().getSubjectId());
        } catch (StatusRuntimeException e) {
            return switch (e.getStatus().getCode()) {
                // No subject holds the document: the platform knows nothing against the passenger.
                case NOT_FOUND -> Optional.empty();
                case INVALID_ARGUMENT -> throw invalidDocument(e);
                // Anything else (down, deadline, breaker open, refused): no trustworthy answer.
                default -> throw new SourceUnavailableException("registry", e);
            };
        }
    }

    /** The registry names its own request's fields ({@code identifier.value}); ours is {@code document.*}. */
    private static InvalidTravelCheckException invalidDocument(StatusRuntimeException e) {
        List<Violation> violations = GrpcStatuses.violations(e).stream()
                .map(v -> new Violation(v.field().replaceFirst("^identifier", "document"), v.rule(), v.message()))
                .toList();
        if (violations.isEmpty()) {
            violations = List.of(new Violation("document.value", "valid-identifier",
                    "the registry does not accept this document number"));
        }
        return new InvalidTravelCheckException(violations);
    }
}
