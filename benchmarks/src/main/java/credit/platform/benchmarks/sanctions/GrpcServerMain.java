package credit.platform.benchmarks.sanctions;

import credit.platform.sanctions.enforcement.domain.Enforcement;
import credit.platform.sanctions.travel.adapter.grpc.TravelCheckGrpcService;
import io.grpc.Server;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * The server side of {@link GrpcSuiteBench} on its own, for a client in another process (and on
 * another core): the echo service on {@code basePort} and the travel check over the suite's synthetic
 * index on {@code basePort + 1}, built exactly as the suite builds them ({@link Fixtures}). Prints the
 * ports, then runs until killed.
 *
 * <pre>taskset -c 1 java -XX:ActiveProcessorCount=1 -Xmx1g -cp benchmarks/target/benchmarks.jar \
 *     credit.platform.benchmarks.sanctions.GrpcServerMain [subjects=1000000] [basePort=50551] [receipts=true]</pre>
 *
 * Load it with {@link GrpcUnaryLoadMain}. JWT validation is not part of it; the decision log is a no-op.
 */
public final class GrpcServerMain {

    private GrpcServerMain() {
    }

    public static void main(String[] args) throws Exception {
        long subjects = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int basePort = args.length > 1 ? Integer.parseInt(args[1]) : 50551;
        boolean receipts = args.length <= 2 || Boolean.parseBoolean(args[2]);

        long t0 = System.nanoTime();
        Enforcement enforcement = Fixtures.listed(subjects);
        var checkTravel = Fixtures.checkTravel(enforcement, new BenchReceipts(receipts));
        System.out.printf("index: %d subjects in %.1f s; receipts=%s; processors=%d; gc=%s%n", subjects,
                (System.nanoTime() - t0) / 1e9, receipts, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList());

        Server echo = GrpcSuiteBench.server(new EchoTravelService(), "127.0.0.1", basePort);
        Server travel = GrpcSuiteBench.server(new TravelCheckGrpcService(checkTravel), "127.0.0.1", basePort + 1);
        System.out.printf("echo 127.0.0.1:%d%ntravel 127.0.0.1:%d%nready%n", echo.getPort(), travel.getPort());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            echo.shutdownNow();
            travel.shutdownNow();
        }));
        travel.awaitTermination();
        echo.awaitTermination();
    }
}
