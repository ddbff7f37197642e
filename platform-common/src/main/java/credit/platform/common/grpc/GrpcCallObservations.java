package credit.platform.common.grpc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.micrometer.core.instrument.binder.grpc.DefaultGrpcClientObservationConvention;
import io.micrometer.core.instrument.binder.grpc.DefaultGrpcServerObservationConvention;
import io.micrometer.core.instrument.binder.grpc.GrpcClientObservationContext;
import io.micrometer.core.instrument.binder.grpc.GrpcObservationDocumentation;
import io.micrometer.core.instrument.binder.grpc.GrpcServerObservationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * One observation per gRPC call on each side, with Micrometer's gRPC conventions, so the
 * {@code grpc.server} / {@code grpc.client} metrics and spans (names, tags) are those of Micrometer's
 * interceptors: a server observation for a call received (continuing the caller's W3C trace context)
 * and a client observation for a call made (trace context sent on). What is left out is what the
 * profiles showed costing most (docs/benchmarks.md, "Where the time goes"): the interceptors' event per
 * message and the scope they open around every callback — about a quarter of the gateway's gRPC door's
 * CPU per call and of sanctions' per direct check.
 *
 * <p>Used by the gateway's gRPC front door (its handler starts both sides itself) and, through
 * {@link #serverInterceptor()}, by services whose gRPC server replaces Micrometer's server interceptor
 * with it ({@code spring.grpc.server.observation.enabled: false}; sanctions-service).
 */
public final class GrpcCallObservations {

    private static final DefaultGrpcServerObservationConvention SERVER = new DefaultGrpcServerObservationConvention();
    private static final DefaultGrpcClientObservationConvention CLIENT = new DefaultGrpcClientObservationConvention();
    private static final Map<String, Metadata.Key<String>> KEYS = new ConcurrentHashMap<>();

    private final ObservationRegistry registry;

    public GrpcCallObservations(ObservationRegistry registry) {
        this.registry = registry;
    }

    private static Metadata.Key<String> key(String name) {
        return KEYS.computeIfAbsent(name, n -> Metadata.Key.of(n, Metadata.ASCII_STRING_MARSHALLER));
    }

    /** The caller's call, started; {@link Observation#NOOP} when nothing observes. */
    public Observation server(MethodDescriptor<?, ?> method, String authority, Metadata headers) {
        if (registry.isNoop()) {
            return Observation.NOOP;
        }
        return GrpcObservationDocumentation.SERVER.observation(null, SERVER, () -> {
            GrpcServerObservationContext context = new GrpcServerObservationContext(
                    (Metadata carrier, String name) -> carrier.get(key(name)));
            context.setCarrier(headers);
            describe(method, context::setServiceName, context::setMethodName);
            context.setFullMethodName(method.getFullMethodName());
            context.setMethodType(method.getType());
            if (authority != null) {
                context.setAuthority(authority);
            }
            return context;
        }, registry).start();
    }

    /** The caller's call ended with {@code status} (or was cancelled by the caller). */
    public static void serverClosed(Observation observation, Status status, boolean cancelled) {
        if (observation.isNoop()) {
            return;
        }
        if (observation.getContext() instanceof GrpcServerObservationContext context) {
            context.setStatusCode(status.getCode());
            context.setCancelled(cancelled);
        }
        if (status.getCause() != null) {
            observation.error(status.getCause());
        }
        observation.stop();
    }

    /**
     * The call to the service, started as a child of {@code parent}: its trace context is put into
     * {@code headers}, which must be the headers the call then starts with.
     */
    public Observation client(MethodDescriptor<?, ?> method, String authority, Metadata headers, Observation parent) {
        if (registry.isNoop()) {
            return Observation.NOOP;
        }
        Observation observation = GrpcObservationDocumentation.CLIENT.observation(null, CLIENT, () -> {
            GrpcClientObservationContext context = new GrpcClientObservationContext((carrier, name, value) -> {
                if (carrier != null) {
                    carrier.removeAll(key(name));
                    carrier.put(key(name), value);
                }
            });
            describe(method, context::setServiceName, context::setMethodName);
            context.setFullMethodName(method.getFullMethodName());
            context.setMethodType(method.getType());
            context.setAuthority(authority);
            context.setCarrier(headers);
            return context;
        }, registry);
        if (parent != null && !parent.isNoop()) {
            observation.parentObservation(parent);
        }
        return observation.start();
    }

    /** The call to the service ended with {@code status}. */
    public static void clientClosed(Observation observation, Status status) {
        if (observation.isNoop()) {
            return;
        }
        if (observation.getContext() instanceof GrpcClientObservationContext context) {
            context.setStatusCode(status.getCode());
        }
        if (status.getCode() != Status.Code.OK && status.getCode() != Status.Code.CANCELLED && status.getCause() != null) {
            observation.error(status.getCause());
        }
        observation.stop();
    }

    /**
     * A server interceptor observing each call once: started when the call arrives, stopped when it
     * completes or is cancelled, with the status it was closed with. One scope is open while the
     * application's code runs for the call ({@code onHalfClose}, and {@code onMessage} for calls whose
     * client streams), so what that code logs or calls carries the call's trace; nothing per message.
     */
    public ServerInterceptor serverInterceptor() {
        return new ServerInterceptor() {
            @Override
            public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                    ServerCallHandler<Q, A> next) {
                Observation observation = server(call.getMethodDescriptor(), call.getAuthority(), headers);
                if (observation.isNoop()) {
                    return next.startCall(call, headers);
                }
                ObservedCall<Q, A> observed = new ObservedCall<>(call);
                ServerCall.Listener<Q> listener;
                try (Observation.Scope ignored = observation.openScope()) {
                    listener = next.startCall(observed, headers);
                } catch (RuntimeException e) {
                    observation.error(e);
                    observation.stop();
                    throw e;
                }
                return new ObservedListener<>(listener, observation, observed,
                        call.getMethodDescriptor().getType().clientSendsOneMessage());
            }
        };
    }

    /** Remembers the status the call is closed with (the observation stops when the call completes). */
    private static final class ObservedCall<Q, A> extends ForwardingServerCall.SimpleForwardingServerCall<Q, A> {

        private volatile Status status;

        ObservedCall(ServerCall<Q, A> call) {
            super(call);
        }

        @Override
        public void close(Status status, Metadata trailers) {
            this.status = status;
            super.close(status, trailers);
        }
    }

    private static final class ObservedListener<Q> extends ForwardingServerCallListener.SimpleForwardingServerCallListener<Q> {

        private final Observation observation;
        private final ObservedCall<Q, ?> call;
        private final boolean unaryRequest;

        ObservedListener(ServerCall.Listener<Q> listener, Observation observation, ObservedCall<Q, ?> call,
                boolean unaryRequest) {
            super(listener);
            this.observation = observation;
            this.call = call;
            this.unaryRequest = unaryRequest;
        }

        @Override
        public void onMessage(Q message) {
            if (unaryRequest) {
                super.onMessage(message); // the handler runs on half-close
                return;
            }
            try (Observation.Scope ignored = observation.openScope()) {
                super.onMessage(message);
            }
        }

        @Override
        public void onHalfClose() {
            try (Observation.Scope ignored = observation.openScope()) {
                super.onHalfClose();
            }
        }

        @Override
        public void onComplete() {
            try {
                super.onComplete();
            } finally {
                Status status = call.status;
                serverClosed(observation, status != null ? status : Status.OK, false);
            }
        }

        @Override
        public void onCancel() {
            try {
                super.onCancel();
            } finally {
                Status status = call.status;
                serverClosed(observation, status != null ? status : Status.CANCELLED, true);
            }
        }
    }

    private static void describe(MethodDescriptor<?, ?> method, java.util.function.Consumer<String> service,
            java.util.function.Consumer<String> name) {
        if (method.getServiceName() != null) {
            service.accept(method.getServiceName());
        }
        if (method.getBareMethodName() != null) {
            name.accept(method.getBareMethodName());
        }
    }
}
