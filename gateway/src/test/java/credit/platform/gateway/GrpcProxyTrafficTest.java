package credit.platform.gateway;

import static credit.platform.gateway.GrpcGatewayCalls.check;
import static credit.platform.testsupport.GrpcTestCalls.bearer;
import static credit.platform.testsupport.GrpcTestCalls.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.google.rpc.RetryInfo;
import credit.platform.gateway.grpcproxy.GrpcProxyServer;
import credit.platform.testsupport.FakeGrpcServer;
import credit.platform.testsupport.MongoTestServer;
import credit.sanctions.v1.Decision;
import credit.sanctions.v1.TravelCheckServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Travel checks over gRPC draw on the client's travel-check budget: over it, RESOURCE_EXHAUSTED with a retry hint. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "credit.gateway.traffic.rate-limits.travel-check.limit=2",
        "credit.gateway.traffic.rate-limits.travel-check.period=1h",
        "credit.gateway.traffic.rate-limits.travel-check.burst=2"})
class GrpcProxyTrafficTest {

    static final TestIssuer issuer = new TestIssuer();
    static final FakeSanctionsService sanctions = new FakeSanctionsService(Set.of());
    static final FakeGrpcServer sanctionsServer = new FakeGrpcServer(sanctions.travel, sanctions.eligibility);

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry properties) {
        MongoTestServer.register(properties, "audit-grpc-traffic");
        properties.add("credit.security.issuer-uri", issuer::issuerUri);
        properties.add("credit.gateway.grpc.upstream", sanctionsServer::target);
    }

    @AfterAll
    static void stop() {
        issuer.close();
        sanctionsServer.close();
    }

    @Autowired
    GrpcProxyServer proxy;

    ManagedChannel channel;

    @BeforeEach
    void setUp() {
        channel = NettyChannelBuilder.forAddress("127.0.0.1", proxy.port()).usePlaintext().build();
    }

    @AfterEach
    void tearDown() {
        channel.shutdownNow();
    }

    @Test
    void aClientOverItsTravelCheckBudgetGetsResourceExhaustedWithARetryHintAndOthersAreServed() {
        var airline = TravelCheckServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(bearer(issuer.tokenFor("airline-demo", null, Map.of(), "travel.check")))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
        airline.checkTravel(check("PNR-1", "110101199003074477"));
        airline.checkTravel(check("PNR-2", "110101199003074477"));

        var failure = failureOf(() -> airline.checkTravel(check("PNR-3", "110101199003074477")));

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(failure.getStatus().getDescription()).contains("Retry after 1800 s");
        assertThat(failure.getTrailers().get(Metadata.Key.of("retry-after", Metadata.ASCII_STRING_MARSHALLER)))
                .isEqualTo("1800");
        assertThat(StatusProto.fromThrowable(failure).getDetailsList())
                .anySatisfy(d -> assertThat(d.unpack(RetryInfo.class).getRetryDelay().getSeconds()).isEqualTo(1800));
        assertThat(sanctions.checkedPassengers).containsExactly("PNR-1", "PNR-2");

        var rail = TravelCheckServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(bearer(issuer.tokenFor("rail-demo", null, Map.of(), "travel.check")));
        assertThat(rail.checkTravel(check("PNR-9", "110101199003074477")).getDecision())
                .isEqualTo(Decision.DECISION_ALLOW);
    }
}
