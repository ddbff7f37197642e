package credit.platform.sanctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Under the production profile the sanctions service does not start on the repository's development
 * secrets: the {@code !production} document of its application.yml (receipt keys) does not apply there,
 * the decision log's and the service client's keys have no production default, and platform-common's
 * ProductionSecretsAutoConfiguration names every secret still missing (docs/deployment.md, "Secrets
 * production reads"), never a value.
 */
class ProductionSecretsStartTest {

    private static final List<String> SECRETS = List.of("credit.security.client-secret",
            "credit.receipts.key-encryption-key", "credit.receipts.document-key",
            "credit.sanctions.decision-log.fingerprint-key");

    @Test
    void inProductionWithoutItsSecretsTheServiceDoesNotStartAndSaysWhichAreMissing() {
        Throwable failure = catchThrowable(() -> start(base()));

        assertThat(failure).as("the sanctions service started in production on development secrets").isNotNull();
        String messages = String.join(" | ", messages(failure));
        assertThat(messages).contains("production refuses to start").contains(SECRETS).doesNotContain("dev-only-");
    }

    @Test
    void inProductionOneSecretLeftUnsetIsNamedAlone() {
        List<String> args = new ArrayList<>(List.of(base()));
        args.addAll(List.of("--credit.security.client-secret=from-the-secret-store-1",
                "--credit.receipts.key-encryption-key=from-the-secret-store-kek-22222222222222",
                "--credit.receipts.document-key=from-the-secret-store-document-key-333333"));
        Throwable failure = catchThrowable(() -> start(args.toArray(String[]::new)));

        assertThat(failure).isNotNull();
        String refusal = messages(failure).stream().filter(m -> m.contains("production refuses to start"))
                .findFirst().orElseThrow();
        assertThat(refusal).contains("credit.sanctions.decision-log.fingerprint-key")
                .doesNotContain("credit.security.client-secret", "credit.receipts.", "from-the-secret-store");
    }

    @Test
    void inProductionGivenItsSecretsTheCheckPasses() {
        String[] args = Stream.concat(Stream.of(base()), Stream.of(
                "--credit.security.client-secret=from-the-secret-store-1",
                "--credit.receipts.key-encryption-key=from-the-secret-store-kek-22222222222222",
                "--credit.receipts.document-key=from-the-secret-store-document-key-333333",
                "--credit.sanctions.decision-log.fingerprint-key=from-the-secret-store-fingerprint-4444"))
                .toArray(String[]::new);
        Throwable failure = catchThrowable(() -> start(args));
        if (failure != null) {
            // it may still fail for other reasons (no database here), never for a missing secret
            assertThat(String.join(" | ", messages(failure))).doesNotContain("production refuses to start");
        }
    }

    private static String[] base() {
        return new String[] {"--spring.profiles.active=production",
                "--server.port=0", "--management.server.port=0", "--spring.grpc.server.port=0",
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + closedPort()
                        + "/sanctions?serverSelectionTimeoutMS=300&connectTimeoutMS=300",
                "--credit.security.issuer-uri=http://127.0.0.1:" + closedPort() + "/realms/credit"};
    }

    /** Starts the service and, if it comes up, stops it again. */
    private static void start(String... args) {
        try (var context = new SpringApplicationBuilder(SanctionsApplication.class).run(args)) {
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

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
