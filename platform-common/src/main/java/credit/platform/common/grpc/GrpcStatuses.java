package credit.platform.common.grpc;

import com.google.protobuf.Duration;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import credit.platform.common.web.FieldViolation;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;

/** gRPC errors with {@code google.rpc} details, so a caller sees which field broke which rule. */
public final class GrpcStatuses {

    private GrpcStatuses() {
    }

    public static StatusRuntimeException invalidArgument(List<FieldViolation> violations) {
        BadRequest.Builder details = BadRequest.newBuilder();
        for (FieldViolation v : violations) {
            details.addFieldViolations(BadRequest.FieldViolation.newBuilder()
                    .setField(v.field())
                    .setReason(v.rule())
                    .setDescription(v.message()));
        }
        String message = violations.stream().map(v -> v.field() + ": " + v.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid argument");
        com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
                .setCode(Code.INVALID_ARGUMENT_VALUE)
                .setMessage(message)
                .addDetails(com.google.protobuf.Any.pack(details.build()))
                .build();
        return StatusProto.toStatusRuntimeException(status);
    }

    /**
     * {@code UNAVAILABLE}: the service cannot reach its database (see {@code DatabaseUnavailable}), with
     * an {@code ErrorInfo} (reason {@code DATABASE_UNAVAILABLE}) and a {@code RetryInfo}.
     */
    public static StatusRuntimeException databaseUnavailable(String description, java.time.Duration retryAfter) {
        com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
                .setCode(Code.UNAVAILABLE_VALUE)
                .setMessage(description)
                .addDetails(com.google.protobuf.Any.pack(ErrorInfo.newBuilder()
                        .setReason("DATABASE_UNAVAILABLE").setDomain("credit.example").build()))
                .addDetails(com.google.protobuf.Any.pack(RetryInfo.newBuilder()
                        .setRetryDelay(Duration.newBuilder().setSeconds(retryAfter.toSeconds())).build()))
                .build();
        return StatusProto.toStatusRuntimeException(status);
    }

    /** The field violations carried by an INVALID_ARGUMENT error, empty for any other error. */
    public static List<FieldViolation> violations(StatusRuntimeException e) {
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        if (status == null) {
            return List.of();
        }
        return status.getDetailsList().stream()
                .filter(any -> any.is(BadRequest.class))
                .flatMap(any -> {
                    try {
                        return any.unpack(BadRequest.class).getFieldViolationsList().stream();
                    } catch (com.google.protobuf.InvalidProtocolBufferException bad) {
                        return java.util.stream.Stream.empty();
                    }
                })
                .map(v -> new FieldViolation(v.getField(), v.getReason(), v.getDescription()))
                .toList();
    }
}
