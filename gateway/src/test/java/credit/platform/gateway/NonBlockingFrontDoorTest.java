package credit.platform.gateway;

import static credit.platform.gateway.GrpcGatewayCalls.check;
import static credit.platform.testsupport.GrpcTestCalls.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import credit.platform.gateway.grpcproxy.GrpcProxyServer;
import credit.platform.testsupport.FakeGrpcServer;
import credit.platform.testsupport.MongoTestServer;
import credit.sanctions.v1.BatchCheckTravelRequest;
import credit.sanctions.v1.Decision;
import credit.sanctions.v1.TravelCheckServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockHound;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * No call on the answer path blocks an event-loop thread: BlockHound watches the Reactor Netty threads
 * of the REST front door (Reactor's own integration) and the gRPC transport threads the front door's
 * calls run on, while travel checks pass through both doors — first token, cached token, ALLOW, DENY
 * (an audit append), a gzipped batch, a refused call. Every blocking call BlockHound sees on those
 * threads is recorded (not thrown, so the finding is named with its stack) and the test fails on any.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NonBlockingFrontDoorTest {

    /**
     * Installs BlockHound before anything starts. Its own class: the callback may run on a transport
     * thread while this test class is still being initialised, and must not wait for that.
     */
    static final class BlockingCalls {
        static final List<String> found = new CopyOnWriteArrayList<>();

        static {
            BlockHound.Builder builder = BlockHound.builder();
            // Reactor's and Reactor Netty's own integrations: which of their threads are non-blocking, and
            // their known-harmless calls
            java.util.ServiceLoader.load(reactor.blockhound.integration.BlockHoundIntegration.class)
                    .forEach(builder::with);
            builder
                    // the MongoDB driver's connection pool guards its wait queue with a short in-memory lock
                    // (no I/O); contended, it parks for the length of that critical section
                    .allowBlockingCallsInside("com.mongodb.internal.Locks", "checkedWithLock")
                    .nonBlockingThreadPredicate(p -> p.or(t -> t.getName().startsWith("grpc-nio-worker")
                            || t.getName().startsWith("grpc-default-worker")))
                    .blockingMethodCallback(BlockingCalls::record)
                    .install();
        }

        static void record(reactor.blockhound.BlockingMethod method) {
            StringBuilder where = new StringBuilder(method + " on " + Thread.currentThread().getName());
            StackTraceElement[] stack = new Throwable().getStackTrace();
            int named = 0;
            for (StackTraceElement e : stack) {
                if (e.getClassName().startsWith("credit.") || e.getClassName().startsWith("org.springframework")) {
                    where.append("\n    at ").append(e);
                    named++;
                }
            }
            if (named <= 1) { // only this callback: name the code that blocked by its own frames
                for (int i = 1; i < Math.min(stack.length, 25); i++) {
                    where.append("\n    at ").append(stack[i]);
                }
            }
            found.add(where.toString());
        }

        static void installed() {
        }
    }

    static {
        BlockingCalls.installed();
    }

    static final TestIssuer issuer = new TestIssuer();
    static final StubBackend restSanctions = new StubBackend("sanctions");
    static final FakeSanctionsService grpcSanctions = new FakeSanctionsService(Set.of(AuditTest.RESIDENT_ID));
    static final FakeGrpcServer grpcServer = new FakeGrpcServer(grpcSanctions.travel, grpcSanctions.eligibility);

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry properties) {
        MongoTestServer.register(properties, "audit-nonblocking");
        properties.add("credit.security.issuer-uri", issuer::issuerUri);
        properties.add("credit.gateway.sanctions-uri", restSanctions::uri);
        properties.add("credit.gateway.grpc.upstream", grpcServer::target);
    }

    @AfterAll
    static void stop() {
        issuer.close();
        restSanctions.close();
        grpcServer.close();
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    GrpcProxyServer proxy;

    /** The watch works: a sleep on a Reactor thread and on a gRPC transport thread is seen. */
    @Test
    void aBlockingCallOnAnEventLoopThreadIsSeen() throws InterruptedException {
        int before = BlockingCalls.found.size();
        // a scheduler of its own, created after BlockHound is installed: the shared Schedulers.parallel() may
        // have started its threads earlier in this JVM (another test class of the fork), and a thread that
        // existed before the install is not watched — on a clean clone's CI that made this canary fail
        reactor.core.scheduler.Scheduler canary = reactor.core.scheduler.Schedulers.newParallel("reactor-canary", 1);
        try {
            reactor.core.publisher.Mono.fromRunnable(() -> sleep()).subscribeOn(canary).block();
        } finally {
            canary.dispose();
        }
        Thread grpcLike = new Thread(NonBlockingFrontDoorTest::sleep, "grpc-nio-worker-ELG-canary");
        grpcLike.start();
        grpcLike.join();
        List<String> all = List.copyOf(BlockingCalls.found);
        List<String> seen = all.subList(Math.min(before, all.size()), all.size());
        assertThat(seen).anySatisfy(f -> assertThat(f).contains("reactor-canary"))
                .anySatisfy(f -> assertThat(f).contains("grpc-nio-worker-ELG-canary"));
        BlockingCalls.found.removeAll(seen);
    }

    private static void sleep() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void travelChecksThroughBothDoorsNeverBlockAnEventLoop() throws IOException {
        restSanctions.answerWith(AuditTest::fakeTravelDecisions);
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(30)).build();
        String airline = issuer.tokenFor("airline-demo", null, Map.of(), "travel.check");
        String other = "110101199003074477";
        for (int i = 0; i < 3; i++) {
            client.post().uri("/api/v1/travel-checks").header("Authorization", "Bearer " + airline)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(AuditTest.travelCheck(other)).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.decision").isEqualTo("ALLOW");
        }
        client.post().uri("/api/v1/travel-checks").header("Authorization", "Bearer " + airline)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(AuditTest.travelCheck(AuditTest.RESIDENT_ID))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.decision").isEqualTo("DENY");
        String batch = "{\"checks\":[" + AuditTest.travelCheck(other) + "," + AuditTest.travelCheck(AuditTest.RESIDENT_ID)
                + "]}";
        client.post().uri("/api/v1/travel-checks/batch").header("Authorization", "Bearer " + airline)
                .header("Content-Encoding", "gzip").contentType(MediaType.APPLICATION_JSON).bodyValue(gzip(batch))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.results[1].decision").isEqualTo("DENY");
        client.post().uri("/api/v1/travel-checks").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isUnauthorized();

        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", proxy.port()).usePlaintext().build();
        try {
            var stub = TravelCheckServiceGrpc.newBlockingStub(channel)
                    .withCallCredentials(bearer(issuer.tokenFor("rail-demo", null, Map.of(), "travel.check")))
                    .withDeadlineAfter(30, TimeUnit.SECONDS);
            assertThat(stub.checkTravel(check("G1", other)).getDecision()).isEqualTo(Decision.DECISION_ALLOW);
            assertThat(stub.checkTravel(check("G2", other)).getDecision()).isEqualTo(Decision.DECISION_ALLOW);
            assertThat(stub.checkTravel(check("G3", AuditTest.RESIDENT_ID)).getDecision())
                    .isEqualTo(Decision.DECISION_DENY);
            assertThat(stub.batchCheckTravel(BatchCheckTravelRequest.newBuilder()
                            .addChecks(check("G4", other)).addChecks(check("G5", AuditTest.RESIDENT_ID)).build())
                    .getResultsCount()).isEqualTo(2);
        } finally {
            channel.shutdownNow();
        }

        List<String> found = new ArrayList<>(BlockingCalls.found);
        found.removeIf(f -> f.contains("canary") || f.contains("on parallel")); // the other test's own probes
        assertThat(found).as("blocking calls on event-loop threads").isEmpty();
    }

    private static byte[] gzip(String s) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
