package credit.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Under the production profile the gateway does not start on the repository's development secrets:
 * the {@code !production} document of its application.yml does not apply there, and
 * platform-common's ProductionSecretsAutoConfiguration names every secret still missing
 * (docs/deployment.md, "Secrets production reads").
 */
class ProductionSecretsStartTest {

    @Test
    void inProductionWithoutItsSecretsTheGatewayDoesNotStartAndSaysWhichAreMissing() {
        Throwable failure = catchThrowable(() -> start(
                "--spring.profiles.active=production",
                "--server.port=0", "--management.server.port=0", "--credit.gateway.grpc.port=0",
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + ServiceDownTest.closedPort()
                        + "/audit?serverSelectionTimeoutMS=300&connectTimeoutMS=300",
                "--credit.security.issuer-uri=http://127.0.0.1:" + ServiceDownTest.closedPort() + "/realms/credit"));

        assertThat(failure).as("the gateway started in production on development secrets").isNotNull();
        String messages = String.join(" | ", messages(failure));
        assertThat(messages).contains("production refuses to start")
                .contains("credit.security.client-secret", "credit.audit.fingerprint-key", "credit.audit.chain-key-id")
                .doesNotContain("dev-only-");
    }

    @Test
    void inProductionGivenItsSecretsNoDevelopmentValueIsLeft() {
        Throwable failure = catchThrowable(() -> start(
                "--spring.profiles.active=production",
                "--server.port=0", "--management.server.port=0", "--credit.gateway.grpc.port=0",
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + ServiceDownTest.closedPort()
                        + "/audit?serverSelectionTimeoutMS=300&connectTimeoutMS=300",
                "--credit.security.issuer-uri=http://127.0.0.1:" + ServiceDownTest.closedPort() + "/realms/credit",
                "--credit.security.client-secret=from-the-secret-store-1",
                "--credit.audit.fingerprint-key=from-the-secret-store-fingerprint-key-2",
                "--credit.audit.chain-keys.prod-1=from-the-secret-store-chain-key-3333333333",
                "--credit.audit.chain-key-id=prod-1"));
        if (failure != null) {
            // it may still fail for other reasons (no database here), never for a development secret
            assertThat(String.join(" | ", messages(failure))).doesNotContain("production refuses to start");
        }
    }

    /** Starts the gateway and, if it comes up, stops it again. */
    private static void start(String... args) {
        try (var context = new SpringApplicationBuilder(GatewayApplication.class).run(args)) {
            assertThat(context.isActive()).isTrue();
        }
    }

    private static List<String> messages(Throwable t) {
        List<String> all = new ArrayList<>();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.add(String.valueOf(c.getMessage()));
        }
        return all;
    }
}
