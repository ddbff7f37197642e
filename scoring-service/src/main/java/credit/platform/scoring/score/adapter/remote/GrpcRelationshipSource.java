package credit.platform.scoring.score.adapter.remote;

import com.google.protobuf.Timestamp;
import credit.platform.common.grpc.RemoteCalls;
import credit.platform.scoring.score.domain.RelationshipSource;
import credit.platform.scoring.score.domain.SourceUnavailableException;
import credit.platform.scoring.score.domain.Via;
import credit.registry.v1.ListRelationshipsRequest;
import credit.registry.v1.RegistryServiceGrpc;
import credit.registry.v1.Relationship;
import credit.registry.v1.RelationshipDirection;
import credit.registry.v1.RelationshipType;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The registry's relationships over gRPC ({@code ListRelationships}). A registry that does not
 * serve the RPC yet (UNIMPLEMENTED) is taken as "no relationships known" — contagion rules then add
 * nothing — and reported once in the log; any other failure is "registry unavailable".
 */
@Component
class GrpcRelationshipSource implements RelationshipSource {

    static final String CALL = "registry-list-relationships";
    private static final Logger log = LoggerFactory.getLogger(GrpcRelationshipSource.class);

    private final RegistryServiceGrpc.RegistryServiceBlockingStub registry;
    private final RemoteCalls calls;
    private final AtomicBoolean reportedUnimplemented = new AtomicBoolean();

    GrpcRelationshipSource(RegistryServiceGrpc.RegistryServiceBlockingStub registry, RemoteCalls calls) {
        this.registry = registry;
        this.calls = calls;
    }

    @Override
    public List<String> related(String subjectId, Via via, Instant at) {
        ListRelationshipsRequest request = ListRelationshipsRequest.newBuilder()
                .setSubjectId(subjectId)
                .setDirection(via.direction() == Via.Direction.OUTGOING ? RelationshipDirection.RELATIONSHIP_DIRECTION_OUTGOING
                        : RelationshipDirection.RELATIONSHIP_DIRECTION_INCOMING)
                .addTypes(RelationshipType.valueOf("RELATIONSHIP_TYPE_" + via.type().name()))
                .setAsOf(Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()))
                .build();
        try {
            return calls.idempotent(CALL, deadline -> registry.withDeadline(deadline).listRelationships(request))
                    .getRelationshipsList().stream()
                    .filter(r -> r.getType().name().equals("RELATIONSHIP_TYPE_" + via.type().name()))
                    .filter(r -> via.direction() == Via.Direction.OUTGOING ? r.getFromSubjectId().equals(subjectId)
                            : r.getToSubjectId().equals(subjectId))
                    .map(r -> other(r, subjectId, via))
                    .filter(id -> !id.isEmpty() && !id.equals(subjectId))
                    .distinct()
                    .toList();
        } catch (StatusRuntimeException e) {
            Status.Code code = e.getStatus().getCode();
            if (code == Status.Code.NOT_FOUND) {
                return List.of();
            }
            if (code == Status.Code.UNIMPLEMENTED) {
                if (reportedUnimplemented.compareAndSet(false, true)) {
                    log.warn("The registry does not serve ListRelationships yet: relationship rules add nothing");
                }
                return List.of();
            }
            throw new SourceUnavailableException("registry", e);
        }
    }

    /** OUTGOING: the subject holds the role (from), the other end is the entity (to); INCOMING reversed. */
    private static String other(Relationship r, String subjectId, Via via) {
        return via.direction() == Via.Direction.OUTGOING ? r.getToSubjectId() : r.getFromSubjectId();
    }
}
