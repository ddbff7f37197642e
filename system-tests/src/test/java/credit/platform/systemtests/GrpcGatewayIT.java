package credit.platform.systemtests;

import static credit.platform.testsupport.GrpcTestCalls.bearer;
import static credit.platform.testsupport.GrpcTestCalls.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import credit.common.v1.Identifier;
import credit.common.v1.IdentifierScheme;
import credit.platform.client.IdentifierDto;
import credit.platform.client.lists.CreateRecordRequest;
import credit.platform.client.lists.RecordView;
import credit.platform.client.lists.SubjectNameDto;
import credit.platform.client.registry.CreateSubjectRequest;
import credit.sanctions.v1.CheckTravelRequest;
import credit.sanctions.v1.CheckTravelResponse;
import credit.sanctions.v1.Decision;
import credit.sanctions.v1.ServiceClass;
import credit.sanctions.v1.TravelCheckServiceGrpc;
import credit.sanctions.v1.TravelMode;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * gRPC travel checks through the gateway's gRPC front door with real Keycloak tokens and the real
 * services behind it: a person the court lists is denied to the airline over gRPC (with the record
 * as the reason), a person not listed is allowed; a registry-only client is PERMISSION_DENIED and a
 * call without a token UNAUTHENTICATED, both at the gateway.
 *
 * <p>The launcher gives the gateway its gRPC port ({@code spring.grpc.server.port}) and the sanctions
 * service's address ({@code spring.grpc.client.channel.sanctions.target}), which the gateway's
 * {@code credit.gateway.grpc.*} default to.
 */
@ExtendWith(PlatformExtension.class)
class GrpcGatewayIT {

    private static final String LISTED = ResidentIds.withCheckCharacter("11010519900307447");
    private static final String NOT_LISTED = ResidentIds.withCheckCharacter("11010519900307455");

    @Test
    void aListedPersonIsDeniedOverTheGatewaysGrpcPortAndOnlyTravelClientsGetThrough(TestPlatform platform)
            throws Exception {
        int port = platform.config().app("gateway").grpcPort();
        assertThat(port).as("the gateway's gRPC port (launcher: gateway AppConfig grpcPort)").isPositive();
        platform.clientFor("registrar-demo").registry().createSubject(new CreateSubjectRequest("PERSON",
                List.of(new IdentifierDto("RESIDENT_ID", LISTED, null)), "赵九", null, null));
        RecordView record = platform.clientFor("court-demo").lists().createRecord("spc-dishonest-debtors",
                new CreateRecordRequest(new SubjectNameDto("PERSON", "RESIDENT_ID", LISTED, null, "赵九"),
                        "(2026)京0105执901号", "有履行能力而拒不履行生效法律文书确定义务",
                        "System test: gRPC front door", LocalDate.now(ZoneId.of("Asia/Shanghai")), null));

        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().build();
        try {
            String airline = platform.clientCredentialsToken("airline-demo");
            await("the listing reaches the check behind the gateway's gRPC port").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> stub(channel, airline).checkTravel(check("PNR-G1", LISTED)).getDecision()
                            == Decision.DECISION_DENY);

            CheckTravelResponse denied = stub(channel, airline).checkTravel(check("PNR-G2", LISTED));
            assertThat(denied.getPassengerRef()).isEqualTo("PNR-G2");
            assertThat(denied.getDecisionId()).isNotBlank();
            assertThat(denied.getReasonsList()).anySatisfy(r -> assertThat(r.getRecordRef()).isEqualTo(record.id()));
            assertThat(stub(channel, airline).checkTravel(check("PNR-G3", NOT_LISTED)).getDecision())
                    .isEqualTo(Decision.DECISION_ALLOW);

            String registrar = platform.clientCredentialsToken("registrar-demo");
            assertThat(failureOf(() -> stub(channel, registrar).checkTravel(check("PNR-G4", LISTED)))
                    .getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(failureOf(() -> TravelCheckServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(10, TimeUnit.SECONDS).checkTravel(check("PNR-G5", LISTED)))
                    .getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static CheckTravelRequest check(String passengerRef, String residentId) {
        return CheckTravelRequest.newBuilder()
                .setPassengerRef(passengerRef)
                .setDocument(Identifier.newBuilder().setScheme(IdentifierScheme.IDENTIFIER_SCHEME_RESIDENT_ID)
                        .setValue(residentId))
                .setName("旅客")
                .setMode(TravelMode.TRAVEL_MODE_AIR)
                .setServiceClass(ServiceClass.SERVICE_CLASS_AIR_ECONOMY)
                .build();
    }

    private static TravelCheckServiceGrpc.TravelCheckServiceBlockingStub stub(ManagedChannel channel, String token) {
        return TravelCheckServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer(token))
                .withDeadlineAfter(15, TimeUnit.SECONDS);
    }
}
