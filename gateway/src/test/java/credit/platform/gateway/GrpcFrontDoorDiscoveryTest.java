package credit.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import credit.platform.gateway.grpcproxy.GrpcProxyServer;
import credit.platform.testsupport.MongoTestServer;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The front door's two open doors — gRPC health and server reflection — answer without a token and
 * without reaching sanctions (which is down here), and reflection shows exactly the proxied contract,
 * with its descriptors (scope options included), so a client needs no copy of the {@code .proto} files.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GrpcFrontDoorDiscoveryTest {

    static final TestIssuer issuer = new TestIssuer();

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry properties) {
        MongoTestServer.register(properties, "audit-grpc-discovery");
        properties.add("credit.security.issuer-uri", issuer::issuerUri);
        properties.add("credit.gateway.grpc.upstream", () -> "static://127.0.0.1:" + closedPort());
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Autowired
    GrpcProxyServer proxy;

    ManagedChannel channel;

    @BeforeEach
    void connect() {
        channel = NettyChannelBuilder.forAddress("127.0.0.1", proxy.port()).usePlaintext().build();
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void healthAnswersServingForThePortAndEachProxiedServiceWithoutAToken() {
        var health = HealthGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);

        assertThat(health.check(HealthCheckRequest.getDefaultInstance()).getStatus()).isEqualTo(ServingStatus.SERVING);
        assertThat(health.check(HealthCheckRequest.newBuilder().setService("credit.sanctions.v1.TravelCheckService")
                .build()).getStatus()).isEqualTo(ServingStatus.SERVING);
        assertThat(health.check(HealthCheckRequest.newBuilder().setService("credit.sanctions.v1.EligibilityService")
                .build()).getStatus()).isEqualTo(ServingStatus.SERVING);
        assertThatThrownBy(() -> health.check(HealthCheckRequest.newBuilder()
                .setService("credit.registry.v1.RegistryService").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    @Test
    void reflectionListsExactlyTheProxiedContractAndTheOpenServices() throws InterruptedException {
        ServerReflectionResponse answer = reflect(ServerReflectionRequest.newBuilder().setListServices("").build());

        assertThat(answer.getListServicesResponse().getServiceList()).extracting(ServiceResponse::getName)
                .containsExactlyInAnyOrder("credit.sanctions.v1.TravelCheckService",
                        "credit.sanctions.v1.EligibilityService", "grpc.health.v1.Health",
                        "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection");
    }

    @Test
    void reflectionServesTheContractsOwnDescriptorsWithTheirScopes() throws Exception {
        ServerReflectionResponse answer = reflect(ServerReflectionRequest.newBuilder()
                .setFileContainingSymbol("credit.sanctions.v1.TravelCheckService").build());

        List<FileDescriptorProto> files = new ArrayList<>();
        for (ByteString bytes : answer.getFileDescriptorResponse().getFileDescriptorProtoList()) {
            files.add(FileDescriptorProto.parseFrom(bytes));
        }
        ServiceDescriptorProto travel = files.stream().flatMap(f -> f.getServiceList().stream())
                .filter(s -> s.getName().equals("TravelCheckService")).findFirst().orElseThrow();
        assertThat(travel.getMethodList()).extracting(MethodDescriptorProto::getName).contains("CheckTravel");
        // the required_scope option travels with the descriptor (an extension field on the method options)
        assertThat(travel.getMethodList()).allSatisfy(m -> assertThat(m.getOptions().toString())
                .as(m.getName()).contains("travel.check"));
        assertThat(files).extracting(FileDescriptorProto::getPackage).contains("credit.sanctions.v1");
    }

    @Test
    void reflectionOfAServiceOutsideTheFrontDoorFindsNothing() throws InterruptedException {
        ServerReflectionResponse answer = reflect(ServerReflectionRequest.newBuilder()
                .setFileContainingSymbol("credit.registry.v1.RegistryService").build());

        assertThat(answer.hasErrorResponse()).isTrue();
        assertThat(answer.getErrorResponse().getErrorCode()).isEqualTo(Status.Code.NOT_FOUND.value());
    }

    private ServerReflectionResponse reflect(ServerReflectionRequest request) throws InterruptedException {
        LinkedBlockingQueue<Object> answers = new LinkedBlockingQueue<>();
        StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel)
                .withDeadlineAfter(10, TimeUnit.SECONDS).serverReflectionInfo(new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse value) {
                        answers.add(value);
                    }

                    @Override
                    public void onError(Throwable t) {
                        answers.add(t);
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        requests.onNext(request);
        Object first = answers.poll(10, TimeUnit.SECONDS);
        requests.onCompleted();
        assertThat(first).as("a reflection answer").isInstanceOf(ServerReflectionResponse.class);
        return (ServerReflectionResponse) first;
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
