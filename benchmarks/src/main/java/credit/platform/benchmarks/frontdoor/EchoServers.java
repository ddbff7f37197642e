package credit.platform.benchmarks.frontdoor;

import credit.sanctions.v1.BatchCheckTravelRequest;
import credit.sanctions.v1.BatchCheckTravelResponse;
import credit.sanctions.v1.CheckTravelRequest;
import credit.sanctions.v1.CheckTravelResponse;
import credit.sanctions.v1.Decision;
import credit.sanctions.v1.TravelCheckServiceGrpc;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The baseline of the front-door runs, in its own process with the same JVM settings as the apps: an
 * <b>empty</b> gRPC travel-check service (ALLOW, nothing looked at, no token) and an empty HTTP server
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
                .addService(new Echo()).build().start();
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

    static final class Echo extends TravelCheckServiceGrpc.TravelCheckServiceImplBase {

        private static CheckTravelResponse answer(CheckTravelRequest r) {
            return CheckTravelResponse.newBuilder().setPassengerRef(r.getPassengerRef())
                    .setDecision(Decision.DECISION_ALLOW).build();
        }

        @Override
        public void checkTravel(CheckTravelRequest request, StreamObserver<CheckTravelResponse> response) {
            response.onNext(answer(request));
            response.onCompleted();
        }

        @Override
        public void batchCheckTravel(BatchCheckTravelRequest request, StreamObserver<BatchCheckTravelResponse> response) {
            BatchCheckTravelResponse.Builder b = BatchCheckTravelResponse.newBuilder();
            request.getChecksList().forEach(c -> b.addResults(answer(c)));
            response.onNext(b.build());
            response.onCompleted();
        }
    }
}
