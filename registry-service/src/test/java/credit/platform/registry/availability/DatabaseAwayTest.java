package credit.platform.registry.availability;

import static credit.platform.testsupport.DatabaseOutage.assertDatabaseUnavailable;
import static org.assertj.core.api.Assertions.assertThat;

import credit.platform.identifiers.SyntheticIdentifiers;
import credit.platform.testsupport.DatabaseOutage;
import credit.platform.testsupport.GrpcTestCalls;
import credit.platform.testsupport.TestHttp;
import credit.platform.testsupport.TestTokens;
import credit.registry.v1.GetSubjectRequest;
import credit.registry.v1.RegistryServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry while its database is away (the real service against an embedded Mongo server that
 * is stopped and started again: {@link DatabaseOutage}'s drill): writes and reads get a 503 problem {@code database-unavailable}
 * (REST) or {@code UNAVAILABLE} (gRPC), never a 500; readiness says 503 while liveness stays 200 (no
 * restart for a database outage); once the database is back everything recovers by itself, with the
 * data written before the outage still there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseAwayTest {

    static final DatabaseOutage OUTAGE = new DatabaseOutage("registry-away");
    static final TestTokens TOKENS = new TestTokens();
    static final int GRPC_PORT = TestHttp.freePort();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static ManagedChannel channel;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        OUTAGE.register(registry, GRPC_PORT);
    }

    @TestConfiguration
    static class Fixtures {
        @Bean
        JwtDecoder jwtDecoder() {
            return TOKENS.jwtDecoder();
        }
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        if (channel != null) {
            channel.shutdownNow();
        }
        OUTAGE.close();
    }

    static String registrar() {
        return TOKENS.token("registrar-demo", "registry.read registry.write");
    }

    static String person(long seed) {
        return """
                {"kind":"PERSON","identifiers":[{"scheme":"RESIDENT_ID","value":"%s"}],"name":"停机"}
                """.formatted(SyntheticIdentifiers.residentId(new SplittableRandom(seed), LocalDate.of(1990, 1, 1)));
    }

    @Test
    void aDatabaseOutageIsA503ProblemAndUnavailableAndNotReadyButLiveAndRecoversByItself() {
        TestHttp http = new TestHttp("http://localhost:" + port);
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", GRPC_PORT).usePlaintext().build();
        var grpc = RegistryServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(GrpcTestCalls.bearer(TOKENS.token("credit-services",
                        "registry.read registry.write platform.internal")));

        AtomicReference<String> before = new AtomicReference<>();

        // readiness answers from the background ping's outcome (MongoReachability): polled, each answer prompt
        OUTAGE.drill(http,
                () -> {
                    TestHttp.Response created = http.post("/api/v1/subjects", registrar(), person(1));
                    assertThat(created.status()).as(created.body()).isEqualTo(201);
                    before.set(JSON.readTree(created.body()).get("id").asString());
                },
                () -> {
                    assertDatabaseUnavailable(http.post("/api/v1/subjects", registrar(), person(2)));
                    assertDatabaseUnavailable(http.get("/api/v1/subjects/" + before.get(), registrar()));
                    var rpc = GrpcTestCalls.failureOf(
                            () -> grpc.getSubject(GetSubjectRequest.newBuilder().setSubjectId(before.get()).build()));
                    assertThat(rpc.getStatus().getCode()).as(rpc.toString()).isEqualTo(Status.Code.UNAVAILABLE);
                },
                () -> {
                    TestHttp.Response read = http.get("/api/v1/subjects/" + before.get(), registrar());
                    assertThat(read.status()).as(read.body()).isEqualTo(200);
                    TestHttp.Response after = http.post("/api/v1/subjects", registrar(), person(3));
                    assertThat(after.status()).as(after.body()).isEqualTo(201);
                });
    }
}
