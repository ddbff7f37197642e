package credit.platform.benchmarks.sanctions;

import credit.sanctions.v1.CheckTravelRequest;
import credit.sanctions.v1.TravelCheckServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client side of {@link GrpcSuiteBench}'s unary runs, in its own process, against a
 * {@link GrpcServerMain}: the same requests (AIR economy, 10 % listed) and the same load loop
 * ({@link GrpcSuiteBench#run}) — closed loop with N outstanding calls, or open loop at a fixed rate
 * with latency measured from each call's intended send time (so a stalled client or server shows up
 * as latency of every call it delayed, not as fewer calls).
 *
 * <pre>taskset -c 0 java -XX:ActiveProcessorCount=1 -cp benchmarks/target/benchmarks.jar \
 *     credit.platform.benchmarks.sanctions.GrpcUnaryLoadMain &lt;host:basePort&gt; &lt;echo|travel&gt; \
 *     &lt;rate/s | max:N&gt; &lt;seconds&gt; [warmupSeconds=5] [subjects=1000000]</pre>
 *
 * {@code echo} calls {@code basePort}, {@code travel} calls {@code basePort + 1} (as GrpcServerMain
 * binds them). {@code max:64} is a closed loop with 64 calls outstanding. {@code subjects} must match
 * the server's index so that 10 % of the passengers are listed. Prints one line:
 * achieved rate, p50, p99, p99.9 and max in ms.
 */
public final class GrpcUnaryLoadMain {

    private GrpcUnaryLoadMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: GrpcUnaryLoadMain <host:basePort> <echo|travel> <rate/s|max:N> <seconds>"
                    + " [warmupSeconds=5] [subjects=1000000]");
            System.exit(2);
        }
        String host = args[0].substring(0, args[0].lastIndexOf(':'));
        int basePort = Integer.parseInt(args[0].substring(args[0].lastIndexOf(':') + 1));
        String service = args[1];
        int port = switch (service) {
            case "echo" -> basePort;
            case "travel" -> basePort + 1;
            default -> throw new IllegalArgumentException("service must be echo or travel: " + service);
        };
        int concurrency = 0;
        double rate = 0;
        if (args[2].startsWith("max:")) {
            concurrency = Integer.parseInt(args[2].substring(4));
        } else {
            rate = Double.parseDouble(args[2]);
        }
        int seconds = Integer.parseInt(args[3]);
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        long subjects = args.length > 5 ? Long.parseLong(args[5]) : 1_000_000;

        ManagedChannel channel = NettyChannelBuilder.forAddress(host, port).usePlaintext().build();
        var stub = TravelCheckServiceGrpc.newStub(channel);
        CheckTravelRequest[] requests = GrpcSuiteBench.requests(subjects, 4096);
        GrpcSuiteBench.run(stub, requests, concurrency, rate, warmup, null);
        long gcCount0 = gcCount();
        long gcMillis0 = gcMillis();
        long[] latencies = new long[(int) Math.min(50_000_000L, Math.max(1_000_000L,
                (long) ((rate > 0 ? rate : 100_000) * seconds * 1.2)))];
        AtomicInteger n = new AtomicInteger();
        double achieved = GrpcSuiteBench.run(stub, requests, concurrency, rate, seconds,
                new GrpcSuiteBench.Recorder(latencies, n));
        int m = Math.min(n.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, m);
        Arrays.sort(sorted);
        System.out.printf("%s %s %ds: %,.0f calls/s  p50 %.3f  p99 %.3f  p99.9 %.3f  max %.3f ms  (%d calls;"
                        + " client GC %d collections, %d ms)%n",
                service, concurrency > 0 ? "closed loop, " + concurrency + " outstanding" : "open loop at " + args[2] + "/s",
                seconds, achieved, pct(sorted, 0.50), pct(sorted, 0.99), pct(sorted, 0.999),
                m > 0 ? sorted[m - 1] / 1e6 : Double.NaN, m, gcCount() - gcCount0, gcMillis() - gcMillis0);
        channel.shutdownNow();
        System.exit(0);
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / 1e6;
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }
}
