package credit.platform.registry.bulkimport;

import credit.platform.registry.RegistryApplication;
import credit.platform.registry.demo.adapter.GenerateSyntheticRegistry;
import credit.platform.registry.demo.domain.SyntheticRegistry;
import credit.platform.testsupport.GrpcTestCalls;
import credit.platform.testsupport.TestHttp;
import credit.platform.testsupport.TestTokens;
import credit.registry.v1.RegistryServiceGrpc;
import credit.registry.v1.WatchSubjectChangesRequest;
import credit.registry.v1.WatchSubjectChangesResponse;
import io.grpc.ManagedChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A measurement, not part of the build's tests (its name matches no surefire pattern): the registry's
 * heap and each chunk's time while a 100 000-line import arrives in 10 000-line chunks, as the agency
 * CLI sends it, with two feed watchers (one that keeps up, one that has stopped reading). The
 * Mongo-protocol server runs in a JVM of its own (started here unless {@code probe.mongo} names
 * one), so the heap measured is the registry's and this harness's. docs/benchmarks.md has the command
 * and the figures.
 */
class LargeImportHeapProbe {

    /** The embedded Mongo-protocol server alone, on the port given. */
    public static final class Database {
        public static void main(String[] args) throws InterruptedException {
            new de.bwaldvogel.mongo.MongoServer(new de.bwaldvogel.mongo.backend.memory.MemoryBackend())
                    .bind("127.0.0.1", Integer.parseInt(args[0]));
            Thread.currentThread().join();
        }
    }

    @Test
    void probe() throws Exception {
        String mongo = System.getProperty("probe.mongo");
        Process database = null;
        if (mongo == null) {
            int port = TestHttp.freePort();
            database = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-Xmx2g", "-cp",
                    System.getProperty("java.class.path"), Database.class.getName(), Integer.toString(port))
                    .inheritIO().start();
            mongo = "mongodb://127.0.0.1:" + port;
        }
        int lines = Integer.getInteger("probe.lines", 100_000);
        TestTokens tokens = new TestTokens();
        Path file = Files.createTempFile("probe", ".ndjson");
        GenerateSyntheticRegistry.write(new SyntheticRegistry(20261126L, lines), file);
        int grpcPort = TestHttp.freePort();
        try (ConfigurableApplicationContext registry = new SpringApplicationBuilder(RegistryApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("testJwtDecoder", tokens.jwtDecoder()))
                .run("--spring.mongodb.uri=" + mongo + "/registry-probe-" + UUID.randomUUID(), "--server.port=0",
                        "--management.server.port=0", "--spring.grpc.server.port=" + grpcPort,
                        "--spring.grpc.server.address=127.0.0.1");
             BufferedReader in = Files.newBufferedReader(file)) {
            int port = Integer.parseInt(registry.getEnvironment().getProperty("local.server.port"));
            var channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
            var stub = RegistryServiceGrpc.newStub(channel).withCallCredentials(GrpcTestCalls.bearer(
                    tokens.token("credit-services", "registry.read platform.internal", java.util.Map.of(),
                            TestTokens.ISSUER, TestTokens.AUDIENCE, java.time.Instant.now().plus(Duration.ofHours(2)))));
            AtomicLong followed = new AtomicLong();
            // a follower that keeps up
            stub.watchSubjectChanges(WatchSubjectChangesRequest.newBuilder().setFromSequence(0).build(),
                    new io.grpc.stub.StreamObserver<>() {
                        public void onNext(WatchSubjectChangesResponse r) { followed.set(r.getSequence()); }
                        public void onError(Throwable t) { System.out.println("PROBE follower error " + t); }
                        public void onCompleted() { }
                    });
            // a follower that has stopped reading (flow control must hold the server back)
            stub.watchSubjectChanges(WatchSubjectChangesRequest.newBuilder().setFromSequence(0).build(),
                    new ClientResponseObserver<WatchSubjectChangesRequest, WatchSubjectChangesResponse>() {
                        public void beforeStart(ClientCallStreamObserver<WatchSubjectChangesRequest> call) {
                            call.disableAutoRequestWithInitial(1);
                        }
                        public void onNext(WatchSubjectChangesResponse r) { }
                        public void onError(Throwable t) { }
                        public void onCompleted() { }
                    });
            HttpClient http = HttpClient.newHttpClient();
            MemoryPoolMXBean old = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getName().contains("Tenured") || p.getName().contains("Old")).findFirst().orElseThrow();
            for (int chunk = 0; chunk * 10_000 < lines; chunk++) {
                StringBuilder body = new StringBuilder();
                for (int i = 0; i < 10_000; i++) {
                    String line = in.readLine();
                    if (line == null) {
                        break;
                    }
                    body.append(line).append('\n');
                }
                String token = tokens.token("registrar-demo", "registry.read registry.write");
                long t0 = System.nanoTime();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/api/v1/subjects/imports?format=ndjson&importId=probe-" + chunk))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(15))
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
                double took = (System.nanoTime() - t0) / 1e9;
                long oldBefore = old.getUsage().getUsed() >> 20;
                body = null;
                System.gc();
                var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
                System.out.printf("PROBE chunk %d: %d in %.1f s; old gen before GC %d MB; heap after GC %d MB of %d MB; follower at %d: %s%n",
                        chunk, r.statusCode(), took, oldBefore, heap.getUsed() >> 20, heap.getMax() >> 20, followed.get(),
                        r.body().length() > 140 ? r.body().substring(0, 140) : r.body());
            }
            channel.shutdownNow();
        } finally {
            Files.delete(file);
            if (database != null) {
                database.destroy();
            }
        }
    }
}
