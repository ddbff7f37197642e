package credit.platform.gateway;

import static credit.platform.gateway.GrpcGatewayCalls.check;
import static credit.platform.testsupport.GrpcTestCalls.bearer;
import static credit.platform.testsupport.GrpcTestCalls.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import credit.platform.gateway.grpcproxy.GrpcProxyServer;
import credit.platform.testsupport.MongoTestServer;
import credit.sanctions.v1.TravelCheckServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Sanctions down: the gRPC front door answers UNAVAILABLE at once, then its breaker stops trying. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "credit.gateway.grpc.breaker.window=4", "credit.gateway.grpc.breaker.open-for=1m"})
class GrpcProxyDownTest {

    static final TestIssuer issuer = new TestIssuer();

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry properties) {
        MongoTestServer.register(properties, "audit-grpc-down");
        properties.add("credit.security.issuer-uri", issuer::issuerUri);
        properties.add("credit.gateway.grpc.upstream", () -> "static://127.0.0.1:" + closedPort());
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Autowired
    GrpcProxyServer proxy;

    @Test
    void aDownSanctionsServiceGivesUnavailableFastAndOpensTheBreaker() throws InterruptedException {
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", proxy.port()).usePlaintext().build();
        var airline = TravelCheckServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(bearer(issuer.tokenFor("airline-demo", null, Map.of(), "travel.check")))
                .withDeadlineAfter(30, TimeUnit.SECONDS);
        long start = System.nanoTime();

        var first = failureOf(() -> airline.checkTravel(check("PNR-1", "110101199003074477")));
        for (int i = 0; i < 4; i++) {
            failureOf(() -> airline.checkTravel(check("PNR-1", "110101199003074477")));
        }
        var later = failureOf(() -> airline.checkTravel(check("PNR-1", "110101199003074477")));

        assertThat(first.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(first.getStatus().getDescription()).contains("cannot be reached");
        assertThat(later.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(later.getStatus().getDescription()).contains("refused for a short while");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
