package credit.platform.scoring.score.adapter.remote;

import com.google.protobuf.Timestamp;
import credit.platform.common.grpc.RemoteCalls;
import credit.platform.scoring.score.domain.PermitFact;
import credit.platform.scoring.score.domain.PermitSource;
import credit.platform.scoring.score.domain.SourceUnavailableException;
import credit.registry.v1.ListPermitsRequest;
import credit.registry.v1.Permit;
import credit.registry.v1.PermitStatus;
import credit.registry.v1.RegistryServiceGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The registry's permits over gRPC ({@code ListPermits}). A subject the registry does not know has
 * no permits. A registry that does not serve the RPC yet (UNIMPLEMENTED) is NOT taken as "no
 * permits" — that would score every company as missing its permits — but as the registry being
 * unavailable for this read (nothing is stored), reported once in the log.
 */
@Component
class GrpcPermitSource implements PermitSource {

    static final String CALL = "registry-list-permits";
    private static final Logger log = LoggerFactory.getLogger(GrpcPermitSource.class);

    private final RegistryServiceGrpc.RegistryServiceBlockingStub registry;
    private final RemoteCalls calls;
    private final AtomicBoolean reportedUnimplemented = new AtomicBoolean();

    GrpcPermitSource(RegistryServiceGrpc.RegistryServiceBlockingStub registry, RemoteCalls calls) {
        this.registry = registry;
        this.calls = calls;
    }

    @Override
    public List<PermitFact> permits(String subjectId) {
        ListPermitsRequest request = ListPermitsRequest.newBuilder().setSubjectId(subjectId).build();
        try {
            return calls.idempotent(CALL, deadline -> registry.withDeadline(deadline).listPermits(request))
                    .getPermitsList().stream().map(GrpcPermitSource::fact).toList();
        } catch (StatusRuntimeException e) {
            Status.Code code = e.getStatus().getCode();
            if (code == Status.Code.NOT_FOUND) {
                return List.of();
            }
            if (code == Status.Code.UNIMPLEMENTED && reportedUnimplemented.compareAndSet(false, true)) {
                log.warn("The registry does not serve ListPermits: models with permit rules cannot score");
            }
            throw new SourceUnavailableException("registry", e);
        }
    }

    static PermitFact fact(Permit p) {
        return new PermitFact(p.getPermitId(), p.getType(), p.getNumber(), p.getIssuingAuthority(),
                p.hasValidFrom() ? instant(p.getValidFrom()) : null,
                p.hasValidUntil() ? instant(p.getValidUntil()) : null,
                p.getStatus() == PermitStatus.PERMIT_STATUS_SUSPENDED || p.getStatus() == PermitStatus.PERMIT_STATUS_REVOKED);
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
