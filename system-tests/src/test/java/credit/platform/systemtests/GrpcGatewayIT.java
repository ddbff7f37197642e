package credit.platform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import credit.common.v1.Identifier;
import credit.common.v1.IdentifierScheme;
import credit.sanctions.v1.CheckTravelRequest;
import credit.sanctions.v1.CheckTravelResponse;
import credit.sanctions.v1.Decision;
import credit.sanctions.v1.ServiceClass;
import credit.sanctions.v1.TravelCheckServiceGrpc;
import credit.sanctions.v1.TravelMode;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

/**
 * gRPC travel checks through the gateway's gRPC port with real Keycloak tokens and the real
 * sanctions service behind it: the airline's token gets a decision; a registry-only client is
 * PERMISSION_DENIED and a call without a token UNAUTHENTICATED, both at the gateway.
 *
 * <p>The launcher gives the gateway its gRPC port ({@code spring.grpc.server.port}) and the sanctions
 * service's address ({@code spring.grpc.client.channel.sanctions.target}), which the gateway's
 * {@code credit.gateway.grpc.*} default to.
 */
@ExtendWith(PlatformExtension.class)
class GrpcGatewayIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSENGER = ResidentIds.withCheckCharacter("11010519900307447");

    @Test
    void theAirlineGetsADecisionThroughTheGatewaysGrpcPortAndARegistryClientIsDenied(TestPlatform platform)
            throws Exception {
        int port = platform.config().app("gateway").grpcPort();
        assertThat(port).as("the gateway's gRPC port (launcher: gateway AppConfig grpcPort)").isPositive();
        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().build();
        try {
            CheckTravelRequest check = CheckTravelRequest.newBuilder()
                    .setPassengerRef("PNR-GRPC-1")
                    .setDocument(Identifier.newBuilder().setScheme(IdentifierScheme.IDENTIFIER_SCHEME_RESIDENT_ID)
                            .setValue(PASSENGER))
                    .setName("旅客")
                    .setMode(TravelMode.TRAVEL_MODE_AIR)
                    .setServiceClass(ServiceClass.SERVICE_CLASS_AIR_ECONOMY)
                    .build();

            CheckTravelResponse answer = stub(channel, token(platform, "airline-demo")).checkTravel(check);

            assertThat(answer.getPassengerRef()).isEqualTo("PNR-GRPC-1");
            assertThat(answer.getDecision()).isIn(Decision.DECISION_ALLOW, Decision.DECISION_DENY);
            assertThat(answer.getDecisionId()).isNotBlank();

            StatusRuntimeException denied = failure(() -> stub(channel, token(platform, "registrar-demo"))
                    .checkTravel(check));
            assertThat(denied.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);

            StatusRuntimeException anonymous = failure(() -> TravelCheckServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(10, TimeUnit.SECONDS).checkTravel(check));
            assertThat(anonymous.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static TravelCheckServiceGrpc.TravelCheckServiceBlockingStub stub(ManagedChannel channel, String token) {
        return TravelCheckServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer(token))
                .withDeadlineAfter(15, TimeUnit.SECONDS);
    }

    private static StatusRuntimeException failure(ThrowingRunnable call) throws Exception {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            return e;
        }
        throw new AssertionError("expected the gRPC call to fail");
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static CallCredentials bearer(String token) {
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
                Metadata headers = new Metadata();
                headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
                applier.apply(headers);
            }
        };
    }

    /** A real client-credentials token of a realm client (dev secret {@code <clientId>-secret}). */
    private static String token(TestPlatform platform, String clientId) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(platform.config().tokenUri()))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + clientId
                                + "&client_secret=" + URLEncoder.encode(clientId + "-secret", StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asString();
    }
}
