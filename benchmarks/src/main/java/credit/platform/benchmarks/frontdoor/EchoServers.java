package credit.platform.benchmarks.frontdoor;

import credit.platform.benchmarks.sanctions.EchoTravelService;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The baseline of the front-door runs, in its own process with the same JVM settings as the apps: the
 * benchmarks' one echo service ({@link EchoTravelService}: ALLOW, nothing looked at, no token) over gRPC
 * and an empty HTTP server
 * (reads the body, answers a fixed small JSON). What the machine, the client and the protocol stacks
 * alone can do.
 *
 * <pre>java -Xmx1g -cp benchmarks.jar credit.platform.benchmarks.frontdoor.EchoServers &lt;grpcPort&gt; &lt;httpPort&gt;</pre>
 */
public final class EchoServers {

    private static final byte[] ANSWER = "{\"passengerRef\":\"P\",\"decision\":\"ALLOW\",\"reasons\":[]}"
            .getBytes(StandardCharsets.UTF_8);

    private EchoServers() {
    }

    public static void main(String[] args) throws Exception {
        int grpcPort = Integer.parseInt(args[0]);
        int httpPort = Integer.parseInt(args[1]);
        Server grpc = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", grpcPort))
                .addService(new EchoTravelService()).build().start();
        DisposableServer http = HttpServer.create().host("127.0.0.1").port(httpPort)
                .handle((request, response) -> request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0])
                        .flatMap(ignored -> response.header("Content-Type", "application/json")
                                .header("Content-Length", Integer.toString(ANSWER.length))
                                .send(Mono.just(Unpooled.wrappedBuffer(ANSWER))).then()))
                .bindNow();
        System.out.println("echo servers ready: gRPC " + grpc.getPort() + ", HTTP " + http.port());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            grpc.shutdownNow();
            http.disposeNow();
        }));
        new CountDownLatch(1).await();
    }
}
