package credit.platform.testsupport;

import io.grpc.BindableService;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real gRPC server on a free loopback port hosting test fakes of other services (the system
 * tests run the real ones). Remembers the {@code authorization} header of every call, so a test
 * can prove the caller sent its service token.
 */
public final class FakeGrpcServer implements AutoCloseable {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final Server server;

    public FakeGrpcServer(BindableService... services) {
        ServerInterceptor recorder = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                    ServerCallHandler<Q, R> next) {
                authorizations.add(String.valueOf(headers.get(AUTHORIZATION)));
                return next.startCall(call, headers);
            }
        };
        ServerBuilder<?> builder = ServerBuilder.forPort(0);
        for (BindableService service : services) {
            builder.addService(ServerInterceptors.intercept(service, recorder));
        }
        try {
            server = builder.build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "fake-grpc-stop"));
    }

    public int port() {
        return server.getPort();
    }

    /** The channel target for Spring gRPC, e.g. for {@code spring.grpc.client.channel.lists.target}. */
    public String target() {
        return "static://127.0.0.1:" + port();
    }

    /** The {@code authorization} header of every call received so far, in order. */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** Forgets the headers seen so far. */
    public void clearAuthorizations() {
        authorizations.clear();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
