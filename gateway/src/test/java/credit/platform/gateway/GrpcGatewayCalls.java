package credit.platform.gateway;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import credit.common.v1.Identifier;
import credit.common.v1.IdentifierScheme;
import credit.platform.gateway.grpcproxy.ProxiedMethods;
import credit.sanctions.v1.CheckTravelRequest;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;

/** Calls any proxied method as bytes (unary and streaming alike): one request, then half-close. */
final class GrpcGatewayCalls {

    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private GrpcGatewayCalls() {
    }

    record Outcome(Status status, Metadata trailers, List<byte[]> answers) {
    }

    static Outcome call(ManagedChannel channel, ProxiedMethods.ProxiedMethod method, String token, byte[] request) {
        ClientCall<byte[], byte[]> call = channel.newCall(method.bytes(),
                CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS));
        List<byte[]> answers = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        Outcome[] outcome = new Outcome[1];
        Metadata headers = new Metadata();
        if (token != null) {
            headers.put(AUTHORIZATION, "Bearer " + token);
        }
        call.start(new ClientCall.Listener<>() {
            @Override
            public void onMessage(byte[] message) {
                answers.add(message);
                call.request(1);
            }

            @Override
            public void onClose(Status status, Metadata trailers) {
                outcome[0] = new Outcome(status, trailers, answers);
                done.countDown();
            }
        }, headers);
        call.request(1);
        call.sendMessage(request);
        call.halfClose();
        try {
            if (!done.await(15, TimeUnit.SECONDS)) {
                throw new AssertionError(method.fullName() + " did not end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return outcome[0];
    }

    static CheckTravelRequest check(String passengerRef, String residentId) {
        return CheckTravelRequest.newBuilder()
                .setPassengerRef(passengerRef)
                .setDocument(Identifier.newBuilder().setScheme(IdentifierScheme.IDENTIFIER_SCHEME_RESIDENT_ID)
                        .setValue(residentId))
                .setName("Passenger")
                .build();
    }
}
