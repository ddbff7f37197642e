package credit.platform.benchmarks.frontdoor;

import credit.sanctions.v1.CheckTravelResponse;
import credit.sanctions.v1.TravelCheckServiceGrpc;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Unary {@code CheckTravel} over one HTTP/2 connection (as one ticketing client holds), with the
 * client's bearer token (or none, for the echo server) and, when calling the service directly, the
 * relay token the gateway adds ({@code x-credit-gateway}: the services serve outside callers only as
 * relayed by the gateway). A deadline of 10 s per call.
 */
final class GrpcTravelTarget implements Load.Target, AutoCloseable {

    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> RELAY = Metadata.Key.of("x-credit-gateway", Metadata.ASCII_STRING_MARSHALLER);

    private final String name;
    private final ManagedChannel channel;
    private final TravelCheckServiceGrpc.TravelCheckServiceStub stub;
    private final Passengers passengers;

    GrpcTravelTarget(String name, String host, int port, Supplier<String> bearer, Supplier<String> relay,
            Passengers passengers) {
        this.name = name;
        this.passengers = passengers;
        this.channel = NettyChannelBuilder.forAddress(host, port).usePlaintext()
                .maxInboundMessageSize(256 * 1024 * 1024).build();
        ClientInterceptor auth = new ClientInterceptor() {
            @Override
            public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
                return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                    @Override
                    public void start(Listener<A> listener, Metadata headers) {
                        if (bearer != null) {
                            headers.put(AUTHORIZATION, bearer.get());
                        }
                        if (relay != null) {
                            headers.put(RELAY, relay.get());
                        }
                        super.start(listener, headers);
                    }
                };
            }
        };
        this.stub = TravelCheckServiceGrpc.newStub(channel).withInterceptors(auth);
    }

    TravelCheckServiceGrpc.TravelCheckServiceStub stub() {
        return stub;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void call(long i, Load.Completion completion) {
        stub.withDeadlineAfter(10, TimeUnit.SECONDS).checkTravel(passengers.grpc[(int) (i % passengers.grpc.length)],
                new StreamObserver<>() {
                    @Override
                    public void onNext(CheckTravelResponse value) {
                    }

                    @Override
                    public void onError(Throwable t) {
                        Status.Code code = Status.fromThrowable(t).getCode();
                        completion.done(code.name(), kind(code));
                    }

                    @Override
                    public void onCompleted() {
                        completion.done("OK", Load.Kind.OK);
                    }
                });
    }

    static Load.Kind kind(Status.Code code) {
        return switch (code) {
            case OK -> Load.Kind.OK;
            case RESOURCE_EXHAUSTED, UNAVAILABLE -> Load.Kind.REJECTED;
            default -> Load.Kind.ERROR;
        };
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }
}
