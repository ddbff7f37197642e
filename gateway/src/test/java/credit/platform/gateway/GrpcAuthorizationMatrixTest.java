package credit.platform.gateway;

import static credit.platform.gateway.GrpcGatewayCalls.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import credit.common.v1.Identifier;
import credit.common.v1.IdentifierScheme;
import credit.platform.gateway.grpcproxy.GrpcProxyServer;
import credit.platform.gateway.grpcproxy.ProxiedMethods;
import credit.platform.testsupport.FakeGrpcServer;
import credit.platform.testsupport.MongoTestServer;
import credit.sanctions.v1.BatchCheckTravelRequest;
import credit.sanctions.v1.CheckEligibilityRequest;
import credit.sanctions.v1.EligibilityServiceGrpc;
import credit.sanctions.v1.TravelCheckServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The authorization matrix of the gateway's gRPC port: every proxied RPC (read from the sanctions
 * contract) × every client kind of {@link AuthorizationMatrixTest}. An RPC is allowed exactly when
 * the client holds its {@code required_scope} (or {@code platform.admin}); otherwise the call ends
 * UNAUTHENTICATED (no, expired or foreign token) or PERMISSION_DENIED and reaches no service. An
 * RPC added to the contract without a probe here fails the build.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "credit.gateway.traffic.rate-limits.default.limit=100000",
        "credit.gateway.traffic.rate-limits.travel-check.limit=100000"})
class GrpcAuthorizationMatrixTest {

    static final Identifier DOCUMENT = Identifier.newBuilder()
            .setScheme(IdentifierScheme.IDENTIFIER_SCHEME_RESIDENT_ID).setValue("110101199003074477").build();

    /** One request per proxied RPC, by full method name. */
    static final Map<String, byte[]> PROBES = Map.of(
            TravelCheckServiceGrpc.getCheckTravelMethod().getFullMethodName(),
            check("PNR-1", DOCUMENT.getValue()).toByteArray(),
            TravelCheckServiceGrpc.getBatchCheckTravelMethod().getFullMethodName(),
            BatchCheckTravelRequest.newBuilder().addChecks(check("PNR-1", DOCUMENT.getValue())).build().toByteArray(),
            TravelCheckServiceGrpc.getStreamCheckTravelMethod().getFullMethodName(),
            check("PNR-1", DOCUMENT.getValue()).toByteArray(),
            EligibilityServiceGrpc.getCheckEligibilityMethod().getFullMethodName(),
            CheckEligibilityRequest.newBuilder().setSubject(DOCUMENT).build().toByteArray());

    static final TestIssuer issuer = new TestIssuer();
    static final FakeSanctionsService sanctions = new FakeSanctionsService(Set.of());
    static final FakeGrpcServer sanctionsServer = new FakeGrpcServer(sanctions.travel, sanctions.eligibility);

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry properties) {
        MongoTestServer.register(properties, "audit-grpc-matrix");
        properties.add("credit.security.issuer-uri", issuer::issuerUri);
        properties.add("credit.gateway.grpc.upstream", sanctionsServer::target);
    }

    @AfterAll
    static void stop() {
        issuer.close();
        sanctionsServer.close();
    }

    record Cell(ProxiedMethods.ProxiedMethod method, AuthorizationMatrixTest.Kind kind) {
        @Override
        public String toString() {
            return method.fullName() + " as " + kind;
        }
    }

    static Stream<Cell> cells() {
        return new ProxiedMethods().all().stream()
                .flatMap(m -> AuthorizationMatrixTest.kinds().stream().map(k -> new Cell(m, k)));
    }

    @Autowired
    GrpcProxyServer proxy;

    ManagedChannel channel;

    @BeforeEach
    void setUp() {
        channel = NettyChannelBuilder.forAddress("127.0.0.1", proxy.port()).usePlaintext().build();
        sanctionsServer.clearAuthorizations();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void eachClientKindGetsExactlyWhatItsScopesAllow(Cell cell) {
        byte[] probe = PROBES.get(cell.method().fullName());
        assertThat(probe).as("matrix probe for " + cell.method().fullName()).isNotNull();
        String scope = cell.method().scope().orElseThrow();
        boolean allowed = cell.kind().scopes().contains(scope) || cell.kind().scopes().contains("platform.admin");

        var outcome = GrpcGatewayCalls.call(channel, cell.method(), token(cell.kind()), probe);

        if (allowed) {
            assertThat(outcome.status().getCode()).as(cell.toString()).isEqualTo(Status.Code.OK);
            assertThat(outcome.answers()).as(cell.toString()).hasSize(1);
            assertThat(sanctionsServer.authorizations()).as(cell.toString()).hasSize(1);
        } else {
            assertThat(outcome.status().getCode()).as(cell.toString()).isEqualTo(
                    cell.kind().denyStatus() == 401 ? Status.Code.UNAUTHENTICATED : Status.Code.PERMISSION_DENIED);
            assertThat(sanctionsServer.authorizations()).as(cell + " reached the service").isEmpty();
        }
    }

    @Test
    void everyProxiedRpcHasAMatrixProbeAndDeclaresAScope() {
        List<ProxiedMethods.ProxiedMethod> methods = new ProxiedMethods().all();
        assertThat(new TreeSet<>(PROBES.keySet()))
                .as("add a probe to PROBES for every RPC of credit.sanctions.v1 (and nothing else)")
                .isEqualTo(methods.stream().map(ProxiedMethods.ProxiedMethod::fullName)
                        .collect(Collectors.toCollection(TreeSet::new)));
        assertThat(methods).allSatisfy(m -> assertThat(m.scope()).as(m.fullName()).isPresent());
    }

    @Test
    void travelChecksAreOpenToTravelClientsAndEligibilityToAtLeastOneRealmClient() {
        assertThat(RealmClients.serviceClients()).anySatisfy(c -> assertThat(c.scopes()).contains("travel.check"));
        assertThat(RealmClients.serviceClients())
                .as("a realm client holding eligibility.check (procurement-demo)")
                .anySatisfy(c -> assertThat(c.scopes()).contains("eligibility.check"));
    }

    private static String token(AuthorizationMatrixTest.Kind kind) {
        return switch (kind.name()) {
            case "no token" -> null;
            case "expired token" -> issuer.expiredToken("platform.admin");
            case "token for another audience" -> issuer.tokenForAudience("account", "platform.admin");
            default -> kind.citizen()
                    ? issuer.tokenFor("credit-web", null, Map.of("resident_id", AuthorizationMatrixTest.CITIZEN_RESIDENT_ID),
                            "openid")
                    : issuer.tokenFor(kind.name(), null, Map.of(), kind.scopes().toArray(String[]::new));
        };
    }
}
