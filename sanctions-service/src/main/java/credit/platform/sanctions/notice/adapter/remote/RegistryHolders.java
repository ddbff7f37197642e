package credit.platform.sanctions.notice.adapter.remote;

import credit.common.v1.Identifier;
import credit.common.v1.IdentifierScheme;
import credit.platform.common.grpc.RemoteCalls;
import credit.registry.v1.RegistryServiceGrpc;
import credit.registry.v1.ResolveIdentifierRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which registry subject a signed-in person (resident ID) or company (USCC) is, from the identifier in
 * their token: the registry's {@code ResolveIdentifier} (call {@code registry-resolve}).
 */
@Component
public class RegistryHolders implements credit.platform.sanctions.notice.domain.Holders {

    static final String CALL = "registry-resolve";

    private final RemoteCalls calls;
    private final RegistryServiceGrpc.RegistryServiceBlockingStub registry;

    RegistryHolders(RemoteCalls calls, RegistryServiceGrpc.RegistryServiceBlockingStub registry) {
        this.calls = calls;
        this.registry = registry;
    }

    /** @param company a USCC when true, a resident ID otherwise; empty when nobody holds it */
    @Override
    public Optional<String> holderOf(String value, boolean company) {
        ResolveIdentifierRequest request = ResolveIdentifierRequest.newBuilder().setIdentifier(Identifier.newBuilder()
                .setScheme(company ? IdentifierScheme.IDENTIFIER_SCHEME_USCC : IdentifierScheme.IDENTIFIER_SCHEME_RESIDENT_ID)
                .setValue(value)).build();
        try {
            return Optional.of(calls.idempotent(CALL, d -> registry.withDeadline(d).resolveIdentifier(request))
                    .getSubject().getSubjectId()).filter(id -> !id.isEmpty());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND || e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
