package credit.platform.common.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.grpc.GrpcServerObservationContext;
import io.micrometer.core.instrument.binder.grpc.ObservationGrpcServerInterceptor;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link GrpcCallObservations#serverInterceptor()} against Micrometer's own server interceptor on the same
 * calls: the same meters (names and tags, so dashboards and alerts read the same series), one observation
 * per call with its status — and without Micrometer's events per message and scopes per callback.
 */
class GrpcCallObservationsTest {

    private static final MethodDescriptor.Marshaller<String> TEXT = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(String value) {
            return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String parse(InputStream stream) {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };
    static final MethodDescriptor<String, String> UNARY = MethodDescriptor.<String, String>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName("test.v1.Echo/Say")
            .setRequestMarshaller(TEXT).setResponseMarshaller(TEXT).build();
    static final MethodDescriptor<String, String> BIDI = MethodDescriptor.<String, String>newBuilder()
            .setType(MethodDescriptor.MethodType.BIDI_STREAMING).setFullMethodName("test.v1.Echo/Chat")
            .setRequestMarshaller(TEXT).setResponseMarshaller(TEXT).build();
    static final MethodDescriptor<String, String> HANG = MethodDescriptor.<String, String>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName("test.v1.Echo/Hang")
            .setRequestMarshaller(TEXT).setResponseMarshaller(TEXT).build();

    /** What the handlers saw: whether an observation was current while the application's code ran. */
    final List<Boolean> observedInHandler = new CopyOnWriteArrayList<>();
    final CountDownLatch hanging = new CountDownLatch(1);
    final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    /** Records every observation's lifecycle (start, stop, events, scopes) and its meters. */
    static final class Recorder implements ObservationHandler<Observation.Context> {
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final ObservationRegistry registry = ObservationRegistry.create();
        final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger events = new AtomicInteger();
        final AtomicInteger scopes = new AtomicInteger();

        Recorder() {
            registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters))
                    .observationHandler(this);
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }

        @Override
        public void onStart(Observation.Context context) {
            started.incrementAndGet();
        }

        @Override
        public void onStop(Observation.Context context) {
            stopped.add(context);
        }

        @Override
        public void onEvent(Observation.Event event, Observation.Context context) {
            events.incrementAndGet();
        }

        @Override
        public void onScopeOpened(Observation.Context context) {
            scopes.incrementAndGet();
        }

        void awaitStopped(int n) throws InterruptedException {
            for (int i = 0; i < 500 && stopped.size() < n; i++) {
                Thread.sleep(10); // bounded polling: the server stops the observation after the client has its answer
            }
            assertThat(stopped).hasSize(n);
        }

        /** The meters as "name{tags}", the way a scraper sees the series. */
        Set<String> series() {
            Set<String> out = new TreeSet<>();
            for (Meter m : meters.getMeters()) {
                out.add(m.getId().getName() + m.getId().getTags() + (m instanceof Timer t ? " count=" + t.count() : ""));
            }
            return out;
        }
    }

    private ManagedChannel serve(ServerInterceptor interceptor, Recorder recorder) throws IOException {
        String name = InProcessServerBuilder.generateName();
        ServerServiceDefinition service = ServerServiceDefinition.builder("test.v1.Echo")
                .addMethod(UNARY, ServerCalls.asyncUnaryCall((String request, StreamObserver<String> response) -> {
                    observedInHandler.add(recorder.registry.getCurrentObservation() != null);
                    if (request.startsWith("bad")) {
                        response.onError(Status.INVALID_ARGUMENT.withDescription("bad request").asRuntimeException());
                        return;
                    }
                    response.onNext("hello " + request);
                    response.onCompleted();
                }))
                .addMethod(BIDI, ServerCalls.asyncBidiStreamingCall(response -> new StreamObserver<String>() {
                    @Override
                    public void onNext(String value) {
                        observedInHandler.add(recorder.registry.getCurrentObservation() != null);
                        response.onNext(value.toUpperCase());
                    }

                    @Override
                    public void onError(Throwable t) {
                    }

                    @Override
                    public void onCompleted() {
                        response.onCompleted();
                    }
                }))
                .addMethod(HANG, ServerCalls.asyncUnaryCall((String request, StreamObserver<String> response) -> hanging.countDown()))
                .build();
        Server server = InProcessServerBuilder.forName(name).directExecutor()
                .addService(ServerInterceptors.intercept(service, interceptor)).build().start();
        ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        open.add(() -> channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS));
        open.add(() -> server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS));
        return channel;
    }

    /** The same calls: two good, one refused with INVALID_ARGUMENT, a stream of three messages, one cancelled. */
    private void calls(ManagedChannel channel) throws Exception {
        assertThat(ClientCalls.blockingUnaryCall(channel, UNARY, CallOptions.DEFAULT, "a")).isEqualTo("hello a");
        assertThat(ClientCalls.blockingUnaryCall(channel, UNARY, CallOptions.DEFAULT, "b")).isEqualTo("hello b");
        assertThatThrownBy(() -> ClientCalls.blockingUnaryCall(channel, UNARY, CallOptions.DEFAULT, "bad"))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
        List<String> got = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        StreamObserver<String> requests = ClientCalls.asyncBidiStreamingCall(channel.newCall(BIDI, CallOptions.DEFAULT),
                new StreamObserver<>() {
                    @Override
                    public void onNext(String value) {
                        got.add(value);
                    }

                    @Override
                    public void onError(Throwable t) {
                        done.countDown();
                    }

                    @Override
                    public void onCompleted() {
                        done.countDown();
                    }
                });
        requests.onNext("x");
        requests.onNext("y");
        requests.onNext("z");
        requests.onCompleted();
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(got).containsExactly("X", "Y", "Z");
        ClientCall<String, String> hang = channel.newCall(HANG, CallOptions.DEFAULT);
        ClientCalls.asyncUnaryCall(hang, "wait", new StreamObserver<>() {
            @Override
            public void onNext(String value) {
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onCompleted() {
            }
        });
        assertThat(hanging.await(5, TimeUnit.SECONDS)).isTrue();
        hang.cancel("the caller gave up", null);
    }

    @Test
    void theSameMetersAsMicrometersInterceptorOneObservationPerCallNoEventsAndOneScopePerHandlerRun() throws Exception {
        Recorder micrometer = new Recorder();
        calls(serve(new ObservationGrpcServerInterceptor(micrometer.registry), micrometer));
        micrometer.awaitStopped(5);
        List<Boolean> micrometerHandlers = List.copyOf(observedInHandler);
        observedInHandler.clear();

        Recorder ours = new Recorder();
        calls(serve(new GrpcCallObservations(ours.registry).serverInterceptor(), ours));
        ours.awaitStopped(5);

        // the call's timer and the active-calls gauge: the same series, but for the call the caller
        // cancelled, which Micrometer tags UNKNOWN (no status was ever sent) and this tags CANCELLED, as
        // the gateway's door always did
        Function<String, String> cancelAsMicrometer = s -> s.contains("rpc.method=Hang")
                ? s.replace("grpc.status_code=CANCELLED", "grpc.status_code=UNKNOWN") : s;
        Set<String> perCall = new TreeSet<>(micrometer.series());
        perCall.removeIf(s -> !s.startsWith("grpc.server[") && !s.startsWith("grpc.server.active["));
        assertThat(ours.series().stream().map(cancelAsMicrometer)).isNotEmpty().containsExactlyInAnyOrderElementsOf(perCall);
        assertThat(ours.series()).anyMatch(s -> s.startsWith("grpc.server[") && s.contains("grpc.status_code=INVALID_ARGUMENT"))
                .anyMatch(s -> s.startsWith("grpc.server[") && s.contains("grpc.status_code=CANCELLED"));
        // what Micrometer has beyond that are the counters of its per-message events, left out
        Set<String> extra = new TreeSet<>(micrometer.series());
        extra.removeAll(perCall);
        assertThat(extra).isNotEmpty().allMatch(s -> s.startsWith("grpc.server.received[")
                || s.startsWith("grpc.server.sent[") || s.startsWith("grpc.server.cancelled["));
        assertThat(ours.started).hasValue(5);
        Function<Observation.Context, String> outcome = c -> c instanceof GrpcServerObservationContext g
                ? g.getFullMethodName() + " " + g.getStatusCode() + (g.isCancelled() ? " cancelled" : "") : "?";
        assertThat(ours.stopped.stream().map(outcome)).containsExactlyInAnyOrder("test.v1.Echo/Say OK",
                "test.v1.Echo/Say OK", "test.v1.Echo/Say INVALID_ARGUMENT", "test.v1.Echo/Chat OK",
                "test.v1.Echo/Hang CANCELLED cancelled");
        // the application's code ran inside the call's observation, as with Micrometer's interceptor
        assertThat(micrometerHandlers).hasSize(6).containsOnly(true);
        assertThat(observedInHandler).hasSize(6).containsOnly(true);
        // what is left out: Micrometer's event per message and scope per callback
        assertThat(micrometer.events.get()).isGreaterThan(0);
        assertThat(ours.events).hasValue(0);
        // one scope while each of the 5 calls starts (authentication runs there), one per unary call's
        // half-close (4: the handler runs there), one per streamed message (3) and the stream's half-close
        assertThat(ours.scopes.get()).isEqualTo(5 + 4 + 3 + 1).isLessThan(micrometer.scopes.get());
    }

    @Test
    void theCallersTraceContextIsReadFromTheCallsHeaders() {
        Recorder recorder = new Recorder();
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER), "00-abc-def-01");
        Observation observation = new GrpcCallObservations(recorder.registry).server(UNARY, "localhost", headers);
        GrpcServerObservationContext context = (GrpcServerObservationContext) observation.getContext();
        assertThat(context.getGetter().get(context.getCarrier(), "traceparent")).isEqualTo("00-abc-def-01");
        assertThat(context.getServiceName()).isEqualTo("test.v1.Echo");
        assertThat(context.getMethodName()).isEqualTo("Say");
        GrpcCallObservations.serverClosed(observation, Status.OK, false);
        assertThat(recorder.stopped).hasSize(1);
    }

    @Test
    void nothingIsObservedWithoutARegistry() throws Exception {
        Recorder unused = new Recorder();
        ManagedChannel channel = serve(new GrpcCallObservations(ObservationRegistry.NOOP).serverInterceptor(), unused);
        assertThat(ClientCalls.blockingUnaryCall(channel, UNARY, CallOptions.DEFAULT, "a")).isEqualTo("hello a");
        assertThat(unused.started).hasValue(0);
    }
}
