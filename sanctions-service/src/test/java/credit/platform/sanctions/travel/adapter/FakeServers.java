package credit.platform.sanctions.travel.adapter;

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

/** A plain gRPC server for fakes, on a free port, remembering the authorization header of each call. */
final class FakeServers {

    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final Server server;

    FakeServers(BindableService... services) {
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

    int port() {
        return server.getPort();
    }
}
