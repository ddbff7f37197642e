package credit.platform.benchmarks.sanctions;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import credit.common.v1.Identifier;
import credit.common.v1.IdentifierScheme;
import credit.platform.sanctions.enforcement.domain.Enforcement;
import credit.platform.sanctions.travel.adapter.grpc.TravelCheckGrpcService;
import credit.sanctions.v1.BatchCheckTravelRequest;
import credit.sanctions.v1.BatchCheckTravelResponse;
import credit.sanctions.v1.CheckTravelRequest;
import credit.sanctions.v1.CheckTravelResponse;
import credit.sanctions.v1.ServiceClass;
import credit.sanctions.v1.TravelCheckServiceGrpc;
import credit.sanctions.v1.TravelMode;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.bson.Document;

/**
 * Side by side in one JVM (client and server share the machine's cores): an empty gRPC service of
 * the same contract (echo), the travel check from the in-memory index (unary, batch, bidirectional
 * stream), and a naive baseline querying MongoDB (embedded mongo-java-server, in memory) per check.
 *
 * <pre>java -Xmx3g -cp benchmarks/target/benchmarks.jar credit.platform.benchmarks.sanctions.GrpcSuiteBench
 *     [seconds=10] [subjects=1000000] [receipts=true] [naiveDocs=100000]</pre>
 *
 * Checks are AIR economy, 10 % listed passengers (DENY) and 90 % not. "before: sig/answer" is the
 * previous receipt design (one ES256 signature per answer, {@link PerAnswerSigningService}) on the
 * same index, for comparison in the same run. The service's JWT check is not
 * part of the measurement; the decision log is a no-op (the service inserts one document per DENY).
 */
public final class GrpcSuiteBench {

    static int seconds;

    public static void main(String[] args) throws Exception {
        seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long subjects = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        boolean receipts = args.length <= 2 || Boolean.parseBoolean(args[2]);
        int naiveDocs = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;

        long t0 = System.nanoTime();
        Enforcement enforcement = Fixtures.listed(subjects);
        System.out.printf("index: %d subjects via snapshot path in %.1f s; receipts=%s%n", subjects,
                (System.nanoTime() - t0) / 1e9, receipts);
        if ("interval".equals(System.getProperty("bench.only"))) { // -Dbench.only=interval: the receipt group interval
            intervalRuns(enforcement, requests(subjects, 4096));
            System.exit(0);
        }
        var checkTravel = Fixtures.checkTravel(enforcement, new BenchReceipts(receipts));

        MongoServer mongoServer = new MongoServer(new MemoryBackend());
        InetSocketAddress mongoAddress = mongoServer.bind();
        MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + mongoAddress.getPort());
        MongoCollection<Document> naive = mongo.getDatabase("bench").getCollection("records");
        naive.createIndex(Indexes.ascending("key"));
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < naiveDocs; i++) {
            docs.add(new Document("_id", Synthetic.recordId(i)).append("key", "RESIDENT_ID::" + Synthetic.residentId(i))
                    .append("listId", "spc-dishonest-debtors"));
            if (docs.size() == 10_000) {
                naive.insertMany(docs);
                docs.clear();
            }
        }
        if (!docs.isEmpty()) {
            naive.insertMany(docs);
        }

        Server echo = server(new EchoTravelService());
        Server travel = server(new TravelCheckGrpcService(checkTravel));
        Server perAnswer = server(new PerAnswerSigningService(checkTravel));
        Server naiveServer = server(new NaiveMongoTravelService(naive, new BenchReceipts(receipts)));

        CheckTravelRequest[] requests = requests(subjects, 4096);
        CheckTravelRequest[] naiveRequests = requests(naiveDocs, 4096);

        System.out.printf("%-28s %14s %10s %10s%n", "run", "rate", "p50 ms", "p99 ms");
        if ("batch".equals(System.getProperty("bench.only"))) { // -Dbench.only=batch: the batch runs alone
            batchRuns(echo, travel, requests);
            System.exit(0);
        }
        double echoUnary = unary("echo unary (max)", channel(echo), requests, 64, 0);
        unary("echo unary @70%", channel(echo), requests, 0, echoUnary * 0.7);
        double travelUnary = unary("travel unary (max)", channel(travel), requests, 64, 0);
        unary("travel unary @70% of travel", channel(travel), requests, 0, travelUnary * 0.7);
        unary("travel unary @70% of echo", channel(travel), requests, 0, echoUnary * 0.7);
        double before = unary("before: sig/answer unary", channel(perAnswer), requests, 64, 0);
        unary("before: sig/answer @70%", channel(perAnswer), requests, 0, before * 0.7);
        batchRuns(echo, travel, requests);
        stream("echo stream", channel(echo), requests, 4, 512);
        stream("travel stream", channel(travel), requests, 4, 512);
        stream("before: sig/answer stream", channel(perAnswer), requests, 4, 512);
        double naiveUnary = unary("naive mongo unary (max)", channel(naiveServer), naiveRequests, 64, 0);
        unary("naive mongo @70%", channel(naiveServer), naiveRequests, 0, naiveUnary * 0.7);
        System.out.printf("travel unary / echo unary = %.0f %%; travel unary / naive = %.1fx%n",
                100 * travelUnary / echoUnary, travelUnary / naiveUnary);
        echo.shutdownNow();
        travel.shutdownNow();
        perAnswer.shutdownNow();
        naiveServer.shutdownNow();
        mongo.close();
        mongoServer.shutdownNow();
        System.exit(0);
    }

    /**
     * The service's receipt group interval ({@code credit.travel.receipt-group-interval}) at 1 ms and at
     * 2 ms, alternated twice in the same JVM: unary at 64 outstanding calls, then open loop at 70 % of that
     * maximum. Receipts as the service signs them ({@link BenchReceipts}: the service's own {@code Es256Jws}).
     */
    static void intervalRuns(Enforcement enforcement, CheckTravelRequest[] requests) throws Exception {
        var receipts = new BenchReceipts(true);
        Server echo = server(new EchoTravelService());
        double echoUnary = unary("echo unary (max)", channel(echo), requests, 64, 0);
        echo.shutdownNow();
        for (int round = 0; round < 2; round++) {
            for (int ms : new int[] {1, 2}) {
                AtomicLong ids = new AtomicLong();
                try (var checkTravel = new credit.platform.sanctions.travel.domain.CheckTravel(enforcement, entry -> { },
                        (d, m, c) -> { }, receipts, () -> "TD-" + new java.util.UUID(ids.incrementAndGet(), System.nanoTime()),
                        java.time.Clock.systemUTC(), credit.platform.sanctions.travel.domain.DocumentDigests.random(),
                        java.time.Duration.ofDays(1), java.time.Duration.ofMillis(ms))) {
                    Server travel = server(new TravelCheckGrpcService(checkTravel));
                    double max = unary("interval " + ms + " ms, unary (max)", channel(travel), requests, 64, 0);
                    unary("interval " + ms + " ms, @70%", channel(travel), requests, 0, max * 0.7);
                    System.out.printf("interval %d ms: %.0f %% of echo%n", ms, 100 * max / echoUnary);
                    travel.shutdownNow();
                }
            }
        }
    }

    static void batchRuns(Server echo, Server travel, CheckTravelRequest[] requests) throws InterruptedException {
        batch("echo batch 1000", channel(echo), requests, 1000, 4, false);
        batch("travel batch 1000 (compact)", channel(travel), requests, 1000, 4, false);
        batch("travel batch 1000 (self-c.)", channel(travel), requests, 1000, 4, true);
    }

    static Server server(BindableService service) throws Exception {
        return server(service, "127.0.0.1", 0);
    }

    /** Also used by {@link GrpcServerMain}, which serves the suite's services to a client in another process. */
    static Server server(BindableService service, String host, int port) throws Exception {
        return NettyServerBuilder.forAddress(new InetSocketAddress(host, port)).addService(service).build().start();
    }

    static ManagedChannel channel(Server server) {
        return NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    }

    static CheckTravelRequest[] requests(long listed, int n) {
        CheckTravelRequest[] out = new CheckTravelRequest[n];
        for (int i = 0; i < n; i++) {
            long who = i % 10 == 0 ? (i * 7919L) % listed : 29_000_000L + i; // 10 % listed
            out[i] = CheckTravelRequest.newBuilder().setPassengerRef("P" + i)
                    .setDocument(Identifier.newBuilder().setScheme(IdentifierScheme.IDENTIFIER_SCHEME_RESIDENT_ID)
                            .setValue(Synthetic.residentId(who)))
                    .setMode(TravelMode.TRAVEL_MODE_AIR).setServiceClass(ServiceClass.SERVICE_CLASS_AIR_ECONOMY).build();
        }
        return out;
    }

    /** Closed loop with {@code concurrency} outstanding calls, or open loop at {@code rate} calls/s. */
    static double unary(String name, ManagedChannel channel, CheckTravelRequest[] requests, int concurrency, double rate)
            throws InterruptedException {
        var stub = TravelCheckServiceGrpc.newStub(channel);
        run(stub, requests, concurrency, rate, 3, null); // warm-up
        long[] latencies = new long[20_000_000];
        AtomicInteger recorded = new AtomicInteger();
        double achieved = run(stub, requests, concurrency, rate, seconds, new Recorder(latencies, recorded));
        report(name, achieved, "calls/s", latencies, recorded.get());
        channel.shutdownNow();
        return achieved;
    }

    record Recorder(long[] latencies, AtomicInteger n) {
        void add(long nanos) {
            int i = n.getAndIncrement();
            if (i < latencies.length) {
                latencies[i] = nanos;
            }
        }
    }

    static double run(TravelCheckServiceGrpc.TravelCheckServiceStub stub, CheckTravelRequest[] requests,
            int concurrency, double rate, int secs, Recorder recorder) throws InterruptedException {
        LongAdder done = new LongAdder();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(secs);
        Semaphore outstanding = new Semaphore(concurrency > 0 ? concurrency : 20_000);
        int i = 0;
        long start = System.nanoTime();
        double interval = rate > 0 ? 1e9 / rate : 0;
        long sent = 0;
        while (true) {
            long now = System.nanoTime();
            if (now >= end) {
                break;
            }
            long intended = now;
            if (rate > 0) {
                intended = start + (long) (sent * interval);
                if (intended > now) {
                    java.util.concurrent.locks.LockSupport.parkNanos(intended - now);
                    continue;
                }
            }
            if (!outstanding.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                continue;
            }
            long t = intended;
            sent++;
            stub.checkTravel(requests[i++ & (requests.length - 1)], new StreamObserver<>() {
                @Override
                public void onNext(CheckTravelResponse value) {
                }

                @Override
                public void onError(Throwable e) {
                    outstanding.release();
                }

                @Override
                public void onCompleted() {
                    if (recorder != null) {
                        recorder.add(System.nanoTime() - t);
                    }
                    done.increment();
                    outstanding.release();
                }
            });
        }
        outstanding.acquire(concurrency > 0 ? concurrency : 20_000);
        return done.sum() / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * {@code selfContained}: each result carries its own ~1.6 KB receipt string (the form of
     * 2026-11-26); otherwise the batch's envelope once and per result the compact proof.
     */
    static void batch(String name, ManagedChannel channel, CheckTravelRequest[] requests, int size, int concurrency,
            boolean selfContained) throws InterruptedException {
        var stub = TravelCheckServiceGrpc.newStub(channel);
        BatchCheckTravelRequest.Builder b = BatchCheckTravelRequest.newBuilder().setSelfContainedReceipts(selfContained);
        for (int i = 0; i < size; i++) {
            b.addChecks(requests[i % requests.length]);
        }
        BatchCheckTravelRequest request = b.build();
        for (int round = 0; round < 2; round++) {
            int secs = round == 0 ? 3 : seconds;
            LongAdder items = new LongAdder();
            Semaphore outstanding = new Semaphore(concurrency);
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(secs);
            long[] latencies = new long[1_000_000];
            AtomicInteger n = new AtomicInteger();
            while (System.nanoTime() < end) {
                outstanding.acquire();
                long t = System.nanoTime();
                stub.batchCheckTravel(request, new StreamObserver<>() {
                    @Override
                    public void onNext(BatchCheckTravelResponse value) {
                        items.add(value.getResultsCount());
                    }

                    @Override
                    public void onError(Throwable e) {
                        e.printStackTrace();
                        outstanding.release();
                    }

                    @Override
                    public void onCompleted() {
                        int k = n.getAndIncrement();
                        if (k < latencies.length) {
                            latencies[k] = System.nanoTime() - t;
                        }
                        outstanding.release();
                    }
                });
            }
            outstanding.acquire(concurrency);
            if (round == 1) {
                report(name, items.sum() / ((System.nanoTime() - start) / 1e9), "items/s", latencies, n.get());
            }
        }
        channel.shutdownNow();
    }

    static void stream(String name, ManagedChannel channel, CheckTravelRequest[] requests, int streams, int window)
            throws InterruptedException {
        var stub = TravelCheckServiceGrpc.newStub(channel);
        for (int round = 0; round < 2; round++) {
            int secs = round == 0 ? 3 : seconds;
            LongAdder answers = new LongAdder();
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(secs);
            List<Thread> senders = new ArrayList<>();
            for (int s = 0; s < streams; s++) {
                Semaphore credits = new Semaphore(window);
                AtomicLong closed = new AtomicLong();
                StreamObserver<CheckTravelRequest> out = stub.streamCheckTravel(new StreamObserver<>() {
                    @Override
                    public void onNext(CheckTravelResponse value) {
                        answers.increment();
                        credits.release();
                    }

                    @Override
                    public void onError(Throwable t) {
                        closed.set(1);
                        credits.release(window);
                    }

                    @Override
                    public void onCompleted() {
                        closed.set(1);
                    }
                });
                Thread sender = Thread.ofPlatform().start(() -> {
                    int i = 0;
                    try {
                        while (System.nanoTime() < end && closed.get() == 0) {
                            credits.acquire();
                            out.onNext(requests[i++ & (requests.length - 1)]);
                        }
                        credits.acquire(window);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    out.onCompleted();
                });
                senders.add(sender);
            }
            for (Thread t : senders) {
                t.join();
            }
            if (round == 1) {
                report(name, answers.sum() / ((System.nanoTime() - start) / 1e9), "msgs/s", null, 0);
            }
        }
        channel.shutdownNow();
    }

    static void report(String name, double rate, String unit, long[] latencies, int n) {
        String p50 = "-";
        String p99 = "-";
        if (latencies != null && n > 0) {
            int m = Math.min(n, latencies.length);
            long[] sorted = Arrays.copyOf(latencies, m);
            Arrays.sort(sorted);
            p50 = String.format("%.3f", sorted[(int) (m * 0.50)] / 1e6);
            p99 = String.format("%.3f", sorted[Math.min(m - 1, (int) (m * 0.99))] / 1e6);
        }
        System.out.printf("%-28s %,10.0f %-7s %8s %8s%n", name, rate, unit, p50, p99);
    }
}
