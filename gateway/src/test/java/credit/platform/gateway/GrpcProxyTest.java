package credit.platform.gateway;

import static credit.platform.gateway.GrpcGatewayCalls.check;
import static credit.platform.testsupport.GrpcTestCalls.bearer;
import static credit.platform.testsupport.GrpcTestCalls.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.ByteString;
import credit.platform.gateway.audit.domain.SubjectRefs;
import credit.platform.gateway.grpcproxy.GrpcProxyServer;
import credit.platform.gateway.traffic.TravelCheckCounts;
import credit.platform.testsupport.FakeGrpcServer;
import credit.platform.testsupport.MongoTestServer;
import credit.registry.v1.GetSubjectRequest;
import credit.registry.v1.RegistryServiceGrpc;
import credit.sanctions.v1.BatchCheckTravelRequest;
import credit.sanctions.v1.CheckEligibilityRequest;
import credit.sanctions.v1.CheckTravelRequest;
import credit.sanctions.v1.CheckTravelResponse;
import credit.sanctions.v1.Decision;
import credit.sanctions.v1.EligibilityServiceGrpc;
import credit.sanctions.v1.TravelCheckServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway's gRPC front door in front of a fake sanctions service: the same token checks as
 * REST (issuer, audience, expiry, the contract's required_scope), deny by default for anything
 * outside credit.sanctions.v1, the caller's token passed on, streams passed through in order, a
 * message size limit, and the travel-check audit (DENY subjects recorded as fingerprints, ALLOWs
 * counted).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "credit.gateway.grpc.max-message-size=64KB",
        "credit.gateway.traffic.rate-limits.travel-check.limit=100000",
        "credit.gateway.traffic.rate-limits.default.limit=100000"})
class GrpcProxyTest {

    static final String LISTED = "11010519491231002X";
    static final String NOT_LISTED = "110101199003074477";

    static final TestIssuer issuer = new TestIssuer();
    static final FakeSanctionsService sanctions = new FakeSanctionsService(Set.of(LISTED));
    static final FakeGrpcServer sanctionsServer = new FakeGrpcServer(sanctions.travel, sanctions.eligibility);

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry properties) {
        MongoTestServer.register(properties, "audit-grpc-" + System.nanoTime());
        properties.add("credit.security.issuer-uri", issuer::issuerUri);
        properties.add("credit.gateway.grpc.upstream", sanctionsServer::target);
    }

    @AfterAll
    static void stop() {
        issuer.close();
        sanctionsServer.close();
    }

    @Autowired
    TravelCheckCounts travelCounts;

    @Autowired
    GrpcProxyServer proxy;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    SubjectRefs subjectRefs;

    ManagedChannel channel;

    final String airline = issuer.tokenFor("airline-demo", null, Map.of(), "travel.check");

    @BeforeEach
    void setUp() {
        channel = NettyChannelBuilder.forAddress("127.0.0.1", proxy.port()).usePlaintext().build();
        sanctionsServer.clearAuthorizations();
        sanctions.checkedPassengers.clear();
        mongo.remove(new Query(), "audit_entries").block();
        mongo.remove(new Query(), "audit_head").block();
        travelCounts.flush().block();
        mongo.remove(new Query(), "travel_check_counts").block();
    }

    @AfterEach
    void tearDown() {
        channel.shutdownNow();
    }

    private TravelCheckServiceGrpc.TravelCheckServiceBlockingStub travel(String token) {
        return TravelCheckServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    @Test
    void aTravelCheckClientGetsTheServicesAnswerAndItsOwnTokenIsPassedOn() {
        CheckTravelResponse answer = travel(airline).checkTravel(check("PNR-1", NOT_LISTED));

        assertThat(answer.getPassengerRef()).isEqualTo("PNR-1");
        assertThat(answer.getDecision()).isEqualTo(Decision.DECISION_ALLOW);
        assertThat(sanctionsServer.authorizations()).containsExactly("Bearer " + airline);
    }

    /**
     * Regression (attack suite, body shapes): a single check's message sent to BatchCheckTravel does not
     * parse as a batch; forwarded, the service's parser failed and the caller saw UNKNOWN. Refused here.
     */
    @Test
    void aMessageThatIsNotOfTheMethodsRequestTypeIsInvalidArgumentAndReachesNoService() {
        var batch = new credit.platform.gateway.grpcproxy.ProxiedMethods()
                .find(TravelCheckServiceGrpc.getBatchCheckTravelMethod().getFullMethodName()).orElseThrow();
        var outcome = GrpcGatewayCalls.call(channel, batch, airline, check("PNR-DECOY", LISTED).toByteArray());

        assertThat(outcome.status().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(outcome.answers()).isEmpty();
        assertThat(sanctionsServer.authorizations()).isEmpty();
        assertThat(mongo.count(new Query(), "audit_entries").block()).isZero();
    }

    @Test
    void aCallWithoutTokenIsUnauthenticatedAndReachesNoService() {
        var failure = failureOf(() -> TravelCheckServiceGrpc.newBlockingStub(channel)
                .checkTravel(check("PNR-1", NOT_LISTED)));

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(sanctionsServer.authorizations()).isEmpty();
    }

    @Test
    void tokensForAnotherAudienceExpiredOrFromAStrangerAreUnauthenticated() {
        for (String token : List.of(issuer.tokenForAudience("account", "travel.check"),
                issuer.expiredToken("travel.check"), issuer.tokenSignedByAnotherKey("travel.check"),
                issuer.tokenFromIssuer("http://elsewhere/realms/credit", "travel.check"), "not-a-jwt")) {
            var failure = failureOf(() -> travel(token).checkTravel(check("PNR-1", NOT_LISTED)));
            assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        }
        assertThat(sanctionsServer.authorizations()).isEmpty();
    }

    @Test
    void aClientWithoutTheContractsScopeIsDeniedAndReachesNoService() {
        String registryReader = issuer.tokenFor("ndrc-demo", "NDRC", Map.of(), "registry.read", "lists.read");

        var failure = failureOf(() -> travel(registryReader).checkTravel(check("PNR-1", NOT_LISTED)));
        var eligibility = failureOf(() -> EligibilityServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(bearer(airline)).checkEligibility(CheckEligibilityRequest.getDefaultInstance()));

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(failure.getStatus().getDescription()).contains("travel.check");
        assertThat(eligibility.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(eligibility.getStatus().getDescription()).contains("eligibility.check");
        assertThat(sanctionsServer.authorizations()).isEmpty();
    }

    @Test
    void anAdministratorAndAnEligibilityClientPassTheirRpcs() {
        String admin = issuer.tokenFor("ops", null, Map.of(), "platform.admin");
        String procurement = issuer.tokenFor("procurement-demo", null, Map.of(), "eligibility.check");

        assertThat(travel(admin).checkTravel(check("PNR-2", NOT_LISTED)).getDecision())
                .isEqualTo(Decision.DECISION_ALLOW);
        assertThat(EligibilityServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer(procurement))
                .checkEligibility(CheckEligibilityRequest.getDefaultInstance()).getMeasuresList()).isEmpty();
    }

    @Test
    void aServiceOutsideTheSanctionsContractIsUnimplementedEvenForAnAdministrator() {
        String admin = issuer.tokenFor("ops", null, Map.of(), "platform.admin");

        var failure = failureOf(() -> RegistryServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer(admin))
                .getSubject(GetSubjectRequest.getDefaultInstance()));

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
        assertThat(sanctionsServer.authorizations()).isEmpty();
    }

    @Test
    void aStreamOfChecksIsPassedThroughAnswerByAnswerInOrder() throws InterruptedException {
        List<CheckTravelResponse> answers = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        Throwable[] error = new Throwable[1];
        StreamObserver<CheckTravelRequest> requests = TravelCheckServiceGrpc.newStub(channel)
                .withCallCredentials(bearer(airline))
                .streamCheckTravel(new StreamObserver<>() {
                    @Override
                    public void onNext(CheckTravelResponse answer) {
                        answers.add(answer);
                    }

                    @Override
                    public void onError(Throwable t) {
                        error[0] = t;
                        done.countDown();
                    }

                    @Override
                    public void onCompleted() {
                        done.countDown();
                    }
                });
        for (int i = 1; i <= 50; i++) {
            requests.onNext(check("PNR-" + i, i == 7 ? LISTED : NOT_LISTED));
        }
        requests.onCompleted();

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(error[0]).isNull();
        assertThat(answers).extracting(CheckTravelResponse::getPassengerRef)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 50).mapToObj(i -> "PNR-" + i).toList());
        assertThat(answers.get(6).getDecision()).isEqualTo(Decision.DECISION_DENY);
        assertThat(sanctionsServer.authorizations()).containsExactly("Bearer " + airline);
    }

    @Test
    void aBatchIsPassedThroughAndOnlyItsDenySubjectIsRecordedAsAFingerprint() {
        var answer = TravelCheckServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer(airline))
                .batchCheckTravel(BatchCheckTravelRequest.newBuilder()
                        .addChecks(check("PNR-1", NOT_LISTED)).addChecks(check("PNR-2", LISTED))
                        .addChecks(check("PNR-3", NOT_LISTED)).build());

        assertThat(answer.getResultsList()).extracting(CheckTravelResponse::getDecision)
                .containsExactly(Decision.DECISION_ALLOW, Decision.DECISION_DENY, Decision.DECISION_ALLOW);
        assertThat(entries()).singleElement().satisfies(e -> {
            assertThat(e.getString("clientId")).isEqualTo("airline-demo");
            assertThat(e.getString("method")).isEqualTo("GRPC");
            assertThat(e.getString("route")).isEqualTo("credit.sanctions.v1.TravelCheckService/BatchCheckTravel");
            assertThat(e.getList("subjectRefs", String.class))
                    .containsExactly(subjectRefs.identifier("RESIDENT_ID", LISTED, null, java.time.LocalDate.now()));
            assertThat(e.toJson()).doesNotContain(LISTED).doesNotContain(NOT_LISTED)
                    .doesNotContain(subjectRefs.identifier("RESIDENT_ID", NOT_LISTED, null, java.time.LocalDate.now()));
        });
        assertThat(counts()).singleElement().satisfies(c -> {
            assertThat(c.getInteger("allow")).isEqualTo(2);
            assertThat(c.getInteger("deny")).isEqualTo(1);
        });
    }

    @Test
    void anAllowIsCountedButNotRecorded() {
        travel(airline).checkTravel(check("PNR-1", NOT_LISTED));
        travel(airline).checkTravel(check("PNR-2", NOT_LISTED));

        assertThat(entries()).isEmpty();
        assertThat(counts()).singleElement().satisfies(c -> {
            assertThat(c.getString("clientId")).isEqualTo("airline-demo");
            assertThat(c.getInteger("allow")).isEqualTo(2);
        });
    }

    @Test
    void aMessageOverTheSizeLimitIsRefusedBeforeTheService() {
        CheckTravelRequest huge = check("PNR-1", NOT_LISTED).toBuilder()
                .setNameBytes(ByteString.copyFrom(new byte[100 * 1024])).build();

        var failure = failureOf(() -> travel(airline).checkTravel(huge));

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(sanctions.checkedPassengers).isEmpty();
    }

    @Test
    void theCallersDeadlineIsPassedOn() {
        long start = System.nanoTime();
        var failure = failureOf(() -> TravelCheckServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer(airline))
                .withDeadlineAfter(300, TimeUnit.MILLISECONDS).checkTravel(check("slow", NOT_LISTED)));

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
    }

    private List<Document> entries() {
        return mongo.find(new Query().with(Sort.by("_id")), Document.class, "audit_entries").collectList().block();
    }

    private List<Document> counts() {
        travelCounts.flush().block(); // written periodically; the test writes them now instead of waiting
        return mongo.find(new Query(), Document.class, "travel_check_counts").collectList().block();
    }
}
