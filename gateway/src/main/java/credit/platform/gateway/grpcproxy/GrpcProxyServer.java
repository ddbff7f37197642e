package credit.platform.gateway.grpcproxy;

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
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * The gateway's gRPC port (plaintext HTTP/2): a fallback handler registry that knows exactly the
 * proxied sanctions RPCs ({@link ProxiedMethods}); every other method is UNIMPLEMENTED. Messages
 * larger than the configured limit end the call with RESOURCE_EXHAUSTED, in both directions.
 */
public final class GrpcProxyServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GrpcProxyServer.class);

    private final GrpcProxyProperties properties;
    private final ManagedChannel upstream;
    private final Map<String, ServerMethodDefinition<byte[], byte[]>> definitions;
    private volatile Server server;

    GrpcProxyServer(GrpcProxyProperties properties, ProxiedMethods methods,
            Function<ProxiedMethods.ProxiedMethod, GrpcProxyHandler> handlers, ManagedChannel upstream) {
        this.properties = properties;
        this.upstream = upstream;
        this.definitions = methods.all().stream().collect(Collectors.toUnmodifiableMap(
                ProxiedMethods.ProxiedMethod::fullName,
                m -> ServerMethodDefinition.create(m.bytes(), handlers.apply(m))));
    }

    static ManagedChannel channel(GrpcProxyProperties properties) {
        // round_robin: with a dns:/// target (Kubernetes headless service) calls spread over every
        // sanctions pod instead of pinning one HTTP/2 connection; a static host:port is one address.
        return NettyChannelBuilder.forTarget(properties.upstreamTarget())
                .defaultLoadBalancingPolicy("round_robin")
                .usePlaintext()
                .maxInboundMessageSize((int) properties.maxMessageSize().toBytes())
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
                return List.of();
            }
        };
        try {
            server = NettyServerBuilder.forPort(properties.port())
                    .fallbackHandlerRegistry(registry)
                    .maxInboundMessageSize((int) properties.maxMessageSize().toBytes())
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("gRPC port " + properties.port() + " cannot be opened", e);
        }
        log.info("gRPC front door on port {} passes {} sanctions RPCs to {}", server.getPort(), definitions.size(),
                properties.upstreamTarget());
    }

    @Override
    public void stop() {
        Server running = server;
        if (running != null) {
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
