package credit.platform.testsupport;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.Executor;

/** Small helpers for calling a service's gRPC API in tests. */
public final class GrpcTestCalls {

    private GrpcTestCalls() {
    }

    /** Sends {@code authorization: Bearer <token>} with every call of a stub. */
    public static CallCredentials bearer(String token) {
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
                Metadata headers = new Metadata();
                headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
                applier.apply(headers);
            }
        };
    }

    /** The error a call fails with; an {@link AssertionError} when it does not fail. */
    public static StatusRuntimeException failureOf(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            return e;
        }
        throw new AssertionError("expected the gRPC call to fail, but it succeeded");
    }
}
