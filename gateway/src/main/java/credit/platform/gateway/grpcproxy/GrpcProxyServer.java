package credit.platform.gateway.grpcproxy;

import credit.platform.common.grpc.GrpcCallObservations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.grpc.HandlerRegistry;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionService;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * The gateway's gRPC port (plaintext HTTP/2): a fallback handler registry that knows exactly the
 * proxied sanctions RPCs ({@link ProxiedMethods}); every other method is UNIMPLEMENTED. Messages
 * larger than the configured limits end the call with RESOURCE_EXHAUSTED, in both directions. Calls
 * run on the transport's event loops ({@code directExecutor}): nothing in the proxy blocks.
 *
 * <p>Two open doors beside them, as on every gRPC server of the platform: the standard health service
 * ({@code grpc.health.v1.Health}: {@code ""} and each proxied service SERVING while the port is open)
 * and server reflection ({@code grpc.reflection.v1} and {@code v1alpha}), which lists exactly the
 * proxied services with their contract's descriptors, so {@code grpcurl} or Postman can call them
 * without a copy of the {@code .proto} files. Neither needs a token; neither reaches sanctions.
 *
 * <p>Each admitted proxied call is observed ({@link GrpcCallObservations}: a server span continuing the
 * caller's W3C trace context, the {@code grpc.server} metrics); the call to sanctions is a client span
 * under it, so a trace crosses the front door as it crosses the REST routes. Health and reflection
 * calls, and calls refused at once for capacity, are not observed.
 */
public final class GrpcProxyServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GrpcProxyServer.class);

    private final GrpcProxyProperties properties;
    private final ManagedChannel upstream;
    private final Map<String, ServerMethodDefinition<byte[], byte[]>> definitions;
    /** The proxied services as reflection sees them: the contract's descriptors, the byte-level handlers. */
    private final List<ServerServiceDefinition> services;
    private volatile HealthStatusManager health;
    private volatile Server server;

    GrpcProxyServer(GrpcProxyProperties properties, ProxiedMethods methods,
            Function<ProxiedMethods.ProxiedMethod, GrpcProxyHandler> handlers, ManagedChannel upstream) {
        this.properties = properties;
        this.upstream = upstream;
        this.definitions = methods.all().stream().collect(Collectors.toUnmodifiableMap(
                ProxiedMethods.ProxiedMethod::fullName,
                m -> ServerMethodDefinition.create(m.bytes(), handlers.apply(m))));
        this.services = ProxiedMethods.SERVICES.stream().map(this::described).toList();
    }

    /** A proxied service under its contract's schema descriptor, with the proxy's own handlers. */
    private ServerServiceDefinition described(ServiceDescriptor contract) {
        ServiceDescriptor.Builder descriptor = ServiceDescriptor.newBuilder(contract.getName())
                .setSchemaDescriptor(contract.getSchemaDescriptor());
        List<ServerMethodDefinition<byte[], byte[]>> methods = contract.getMethods().stream()
                .map(m -> definitions.get(m.getFullMethodName())).toList();
        methods.forEach(m -> descriptor.addMethod(m.getMethodDescriptor()));
        ServerServiceDefinition.Builder service = ServerServiceDefinition.builder(descriptor.build());
        methods.forEach(service::addMethod);
        return service.build();
    }

    /** The channel to sanctions (each call on it observed by the handler, {@link GrpcCallObservations}). */
    static ManagedChannel channel(GrpcProxyProperties properties) {
        // round_robin: with a dns:/// target (Kubernetes headless service) calls spread over every
        // sanctions pod instead of pinning one HTTP/2 connection; a static host:port is one address.
        // directExecutor: the proxy's callbacks never block (see GrpcProxyHandler), so they run on the
        // transport's event loop instead of hopping to a thread pool per message
        return NettyChannelBuilder.forTarget(properties.upstreamTarget())
                .defaultLoadBalancingPolicy("round_robin")
                .usePlaintext()
                .directExecutor()
                .maxInboundMessageSize((int) Math.min(Integer.MAX_VALUE, properties.maxAnswerSize().toBytes()))
                .build();
    }

    @Override
    public void start() {
        HandlerRegistry registry = new HandlerRegistry() {
            @Override
            public ServerMethodDefinition<?, ?> lookupMethod(String methodName, String authority) {
                return definitions.get(methodName); // null: UNIMPLEMENTED, nothing forwarded
            }

            @Override
            public List<ServerServiceDefinition> getServices() {
                return services; // what reflection lists
            }
        };
        HealthStatusManager health = new HealthStatusManager();
        this.health = health;
        try {
            server = NettyServerBuilder.forPort(properties.port())
                    .directExecutor()
                    .addService(health.getHealthService())
                    .addService(ProtoReflectionServiceV1.newInstance())
                    .addService(oldReflection())
                    .fallbackHandlerRegistry(registry)
                    .maxInboundMessageSize((int) properties.maxMessageSize().toBytes())
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("gRPC port " + properties.port() + " cannot be opened", e);
        }
        services.forEach(service -> health.setStatus(service.getServiceDescriptor().getName(), ServingStatus.SERVING));
        health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ServingStatus.SERVING);
        log.info("gRPC front door on port {} passes {} sanctions RPCs to {}", server.getPort(), definitions.size(),
                properties.upstreamTarget());
    }

    /** Reflection v1alpha, still the one older grpcurl and most IDE clients ask first. */
    @SuppressWarnings("deprecation")
    private static io.grpc.BindableService oldReflection() {
        return ProtoReflectionService.newInstance();
    }

    @Override
    public void stop() {
        Server running = server;
        if (running != null) {
            health.enterTerminalState(); // every service NOT_SERVING while the last calls drain
            running.shutdown();
            try {
                if (!running.awaitTermination(5, TimeUnit.SECONDS)) {
                    running.shutdownNow();
                }
            } catch (InterruptedException e) {
                running.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        upstream.shutdownNow();
        server = null;
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** The port listened on (the configured one, or the one picked when configured 0). */
    public int port() {
        Server running = server;
        if (running == null) {
            throw new IllegalStateException("the gRPC front door is not running");
        }
        return running.getPort();
    }
}
