package credit.platform.common.mongo;

import credit.platform.common.grpc.GrpcStatuses;
import io.grpc.StatusException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;

/**
 * gRPC side of {@link DatabaseUnavailable}: an RPC that failed because the database cannot be reached
 * ends with {@code UNAVAILABLE} (and a retry delay), not {@code UNKNOWN}. Spring gRPC's global
 * exception interceptor asks every such handler bean; others are left to the next handler.
 */
public class DatabaseUnavailableGrpcHandler implements GrpcExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableGrpcHandler.class);

    @Override
    public StatusException handleException(Throwable exception) {
        if (!DatabaseUnavailable.causedBy(exception)) {
            return null;
        }
        log.warn("an RPC answered UNAVAILABLE: the database cannot be reached ({})", exception.getClass().getSimpleName());
        return status();
    }

    /** The status for an RPC that failed because the database cannot be reached. */
    public static StatusException status() {
        var e = GrpcStatuses.databaseUnavailable(DatabaseUnavailable.DETAIL, DatabaseUnavailable.RETRY_AFTER);
        return new StatusException(e.getStatus(), e.getTrailers());
    }
}
