package credit.platform.gateway.grpcproxy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.micrometer.core.instrument.binder.grpc.DefaultGrpcClientObservationConvention;
import io.micrometer.core.instrument.binder.grpc.DefaultGrpcServerObservationConvention;
import io.micrometer.core.instrument.binder.grpc.GrpcClientObservationContext;
import io.micrometer.core.instrument.binder.grpc.GrpcObservationDocumentation;
import io.micrometer.core.instrument.binder.grpc.GrpcServerObservationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * One observation per proxied call on each side — a server observation for the caller's call (continuing
 * the caller's W3C trace context) and a client observation, its child, for the call to sanctions (trace
 * context sent on) — with Micrometer's gRPC conventions, so the {@code grpc.server} / {@code grpc.client}
 * metrics and spans are those of its interceptors. What is left out is what the profile of the front
 * door showed costing most (docs/benchmarks.md): the interceptors' event per message and the scope they
 * open around every callback, which together took about a quarter of the gateway's CPU per call.
 */
final class CallObservations {

    private static final DefaultGrpcServerObservationConvention SERVER = new DefaultGrpcServerObservationConvention();
    private static final DefaultGrpcClientObservationConvention CLIENT = new DefaultGrpcClientObservationConvention();
    private static final Map<String, Metadata.Key<String>> KEYS = new ConcurrentHashMap<>();

    private final ObservationRegistry registry;

    CallObservations(ObservationRegistry registry) {
        this.registry = registry;
    }

    private static Metadata.Key<String> key(String name) {
        return KEYS.computeIfAbsent(name, n -> Metadata.Key.of(n, Metadata.ASCII_STRING_MARSHALLER));
    }

    /** The caller's call, started; {@link Observation#NOOP} when nothing observes. */
    Observation server(MethodDescriptor<?, ?> method, String authority, Metadata headers) {
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
    static void serverClosed(Observation observation, Status status, boolean cancelled) {
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
    Observation client(MethodDescriptor<?, ?> method, String authority, Metadata headers, Observation parent) {
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
    static void clientClosed(Observation observation, Status status) {
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
