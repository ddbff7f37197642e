package credit.platform.gateway;

import static credit.platform.gateway.GrpcGatewayCalls.check;
import static credit.platform.testsupport.GrpcTestCalls.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import com.sun.net.httpserver.HttpServer;
import credit.platform.gateway.grpcproxy.GrpcProxyServer;
import credit.platform.testsupport.FakeGrpcServer;
import credit.platform.testsupport.MongoTestServer;
import credit.sanctions.v1.CheckTravelRequest;
import credit.sanctions.v1.CheckTravelResponse;
import credit.sanctions.v1.Decision;
import credit.sanctions.v1.TravelCheckServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Overload is answered, not suffered: with the sanctions route full (2 in the service, 2 waiting),
 * every further travel check is refused at once — REST 503 {@code overloaded} with {@code Retry-After},
 * gRPC RESOURCE_EXHAUSTED with a retry hint — while the admitted ones are still being worked on; none is
 * a 500; the refusals never count against the route's circuit breaker (its window is 4 here, so 6
 * counted refusals would open it), and the next call after the load passes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "credit.gateway.traffic.admission.sanctions.concurrency=2",
        "credit.gateway.traffic.admission.sanctions.queue=2",
        "credit.gateway.traffic.admission.sanctions.max-wait=60s",
        "credit.gateway.traffic.admission.sanctions-grpc.concurrency=2",
        "credit.gateway.traffic.admission.sanctions-grpc.queue=2",
        "credit.gateway.traffic.admission.sanctions-grpc.max-wait=60s",
        "credit.gateway.traffic.breakers.sanctions.window=4",
        "credit.gateway.grpc.breaker.window=4"})
class OverloadTest {

    static final TestIssuer issuer = new TestIssuer();
    static final GatedBackend rest = new GatedBackend();
    static final GatedTravelService grpc = new GatedTravelService();
    static final FakeGrpcServer grpcServer = new FakeGrpcServer(grpc);

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry properties) {
        MongoTestServer.register(properties, "audit-overload");
        properties.add("credit.security.issuer-uri", issuer::issuerUri);
        properties.add("credit.gateway.sanctions-uri", rest::uri);
        properties.add("credit.gateway.grpc.upstream", grpcServer::target);
    }

    @AfterAll
    static void stop() {
        issuer.close();
        rest.close();
        grpcServer.close();
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    GrpcProxyServer proxy;

    final String airline = issuer.tokenFor("airline-demo", null, Map.of(), "travel.check");

    record Answer(int status, String retryAfter, String body) {
    }

    @Test
    void restTravelChecksBeyondTheRoutesCapacityAreRefusedAtOnceAndTheBreakerStaysClosed() {
        WebClient client = WebClient.builder().baseUrl("http://localhost:" + port).build();
        List<Answer> answers = new CopyOnWriteArrayList<>();
        Flux.range(0, 10).flatMap(i -> client.post().uri("/api/v1/travel-checks")
                        .header("Authorization", "Bearer " + airline).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"passengerRef\":\"P" + i + "\"}")
                        .exchangeToMono(r -> r.bodyToMono(String.class).defaultIfEmpty("")
                                .map(b -> new Answer(r.statusCode().value(),
                                        r.headers().asHttpHeaders().getFirst("Retry-After"), b))), 10)
                .subscribe(answers::add);

        await(() -> rest.inService.get() == 2 && answers.size() == 6);
        assertThat(answers).as("refused while the admitted ones are still in the service").allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(503);
            assertThat(a.retryAfter()).isEqualTo("1");
            assertThat(a.body()).contains("https://credit.example/problems/overloaded");
        });
        // admission comes first: a full route refuses before any token is checked (a refusal costs no
        // signature check), so even a request whose token is not valid is told "overloaded", not 401
        Answer unchecked = client.post().uri("/api/v1/travel-checks").header("Authorization", "Bearer not-a-token")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"passengerRef\":\"X\"}")
                .exchangeToMono(r -> r.bodyToMono(String.class).defaultIfEmpty("")
                        .map(b -> new Answer(r.statusCode().value(), r.headers().asHttpHeaders().getFirst("Retry-After"), b)))
                .block();
        assertThat(unchecked.status()).isEqualTo(503);
        assertThat(unchecked.body()).contains("https://credit.example/problems/overloaded");

        rest.open();
        await(() -> answers.size() == 10);
        assertThat(answers.stream().filter(a -> a.status() == 200)).hasSize(4);
        assertThat(answers).noneMatch(a -> a.status() == 500);

        Answer next = client.post().uri("/api/v1/travel-checks").header("Authorization", "Bearer " + airline)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"passengerRef\":\"after\"}")
                .exchangeToMono(r -> Mono.just(new Answer(r.statusCode().value(), null, ""))).block();
        assertThat(next.status()).as("the breaker did not open").isEqualTo(200);
        assertThat(rest.received.get()).as("refused requests never reached the service").isEqualTo(5);
    }

    @Test
    void grpcTravelChecksBeyondTheDoorsCapacityAreResourceExhaustedAtOnceAndTheBreakerStaysClosed() throws Exception {
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", proxy.port()).usePlaintext().build();
        try {
            var stub = TravelCheckServiceGrpc.newStub(channel).withCallCredentials(bearer(airline))
                    .withDeadlineAfter(60, TimeUnit.SECONDS);
            List<Status> closed = new CopyOnWriteArrayList<>();
            List<Metadata> trailers = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 10; i++) {
                stub.checkTravel(check("G" + i, "110101199003074477"), new StreamObserver<>() {
                    @Override
                    public void onNext(CheckTravelResponse value) {
                    }

                    @Override
                    public void onError(Throwable t) {
                        trailers.add(Status.trailersFromThrowable(t));
                        closed.add(Status.fromThrowable(t));
                    }

                    @Override
                    public void onCompleted() {
                        closed.add(Status.OK);
                    }
                });
            }
            await(() -> grpc.held.size() == 2 && closed.size() == 6);
            assertThat(closed).allSatisfy(s -> assertThat(s.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED));
            assertThat(trailers).allSatisfy(t -> assertThat(t.get(
                    Metadata.Key.of("retry-after", Metadata.ASCII_STRING_MARSHALLER))).isEqualTo("1"));
            // the retry hint is also there as google.rpc.RetryInfo, as StatusProto reads it
            assertThat(com.google.rpc.Status.parseFrom(trailers.get(0).get(Metadata.Key.of("grpc-status-details-bin",
                    Metadata.BINARY_BYTE_MARSHALLER))).getDetails(0).unpack(com.google.rpc.RetryInfo.class)
                    .getRetryDelay().getSeconds()).isEqualTo(1);
            // admission comes first: a full door refuses before the token is checked
            Status unchecked = Status.fromThrowable(org.assertj.core.api.Assertions.catchThrowable(() ->
                    TravelCheckServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer("not-a-token"))
                            .withDeadlineAfter(30, TimeUnit.SECONDS).checkTravel(check("X", "110101199003074477"))));
            assertThat(unchecked.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);

            grpc.releaseAll();
            await(() -> closed.size() == 10);
            assertThat(closed.stream().filter(Status::isOk)).hasSize(4);

            var blocking = TravelCheckServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer(airline))
                    .withDeadlineAfter(30, TimeUnit.SECONDS);
            grpc.answerAtOnce = true;
            assertThat(blocking.checkTravel(check("after", "110101199003074477")).getDecision())
                    .as("the breaker did not open").isEqualTo(Decision.DECISION_ALLOW);
            assertThat(grpc.received.get()).as("refused calls never reached the service").isEqualTo(5);
        } finally {
            channel.shutdownNow();
        }
    }

    /** Bounded polling: the machine may be slow, the condition must come. */
    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 30 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A REST sanctions stand-in that holds every request until opened. */
    static final class GatedBackend implements AutoCloseable {
        final AtomicInteger inService = new AtomicInteger();
        final AtomicInteger received = new AtomicInteger();
        private final CountDownLatch gate = new CountDownLatch(1);
        private final HttpServer server;

        GatedBackend() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                received.incrementAndGet();
                inService.incrementAndGet();
                try {
                    gate.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inService.decrementAndGet();
                byte[] answer = "{\"passengerRef\":\"P\",\"decision\":\"ALLOW\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
        }

        String uri() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void open() {
            gate.countDown();
        }

        @Override
        public void close() {
            gate.countDown();
            server.stop(0);
        }
    }

    /** A gRPC sanctions stand-in that holds every call (no thread) until released. */
    static final class GatedTravelService extends TravelCheckServiceGrpc.TravelCheckServiceImplBase {
        final List<Runnable> held = new CopyOnWriteArrayList<>();
        final AtomicInteger received = new AtomicInteger();
        volatile boolean answerAtOnce;

        @Override
        public void checkTravel(CheckTravelRequest request, StreamObserver<CheckTravelResponse> answer) {
            received.incrementAndGet();
            Runnable reply = () -> {
                answer.onNext(CheckTravelResponse.newBuilder().setPassengerRef(request.getPassengerRef())
                        .setDecision(Decision.DECISION_ALLOW).build());
                answer.onCompleted();
            };
            if (answerAtOnce) {
                reply.run();
            } else {
                held.add(reply);
            }
        }

        void releaseAll() {
            List<Runnable> all = List.copyOf(held);
            held.clear();
            all.forEach(Runnable::run);
            // the two waiting calls arrive once places free up: answer them too
            await(() -> held.size() == 2);
            List<Runnable> rest = List.copyOf(held);
            held.clear();
            rest.forEach(Runnable::run);
        }
    }
}
