package credit.platform.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Under the production profile the portal does not start without its client secret: the development
 * value sits only in the {@code !production} document of its application.yml, so in production
 * {@code CREDIT_PORTAL_CLIENT_SECRET} must come from the secret store (docs/deployment.md) and the start
 * fails naming the property, never a value. Given it, the portal starts (it contacts nothing at start-up).
 */
class ProductionSecretsStartTest {

    private static final String PROPERTY = "spring.security.oauth2.client.registration.keycloak.client-secret";

    @BeforeAll
    static void theSecretIsNotSetAroundTheTest() {
        Assumptions.assumeTrue(System.getenv("CREDIT_PORTAL_CLIENT_SECRET") == null,
                "CREDIT_PORTAL_CLIENT_SECRET is set in this environment");
    }

    @Test
    void inProductionWithoutItsClientSecretThePortalDoesNotStartAndNamesIt() {
        Throwable failure = catchThrowable(() -> start(base()));

        assertThat(failure).as("the portal started in production without its client secret").isNotNull();
        String messages = String.join(" | ", messages(failure));
        assertThat(messages).contains(PROPERTY).contains("CREDIT_PORTAL_CLIENT_SECRET")
                .doesNotContain("credit-portal-secret");
    }

    @Test
    void inProductionGivenItsClientSecretThePortalStarts() {
        List<String> args = new ArrayList<>(List.of(base()));
        args.add("--CREDIT_PORTAL_CLIENT_SECRET=from-the-secret-store-portal-1");
        start(args.toArray(String[]::new));
    }

    private static String[] base() {
        return new String[] {"--spring.profiles.active=production", "--server.port=0", "--management.server.port=0",
                "--credit.security.issuer-uri=http://127.0.0.1:9/realms/credit",
                "--credit.portal.gateway-uri=http://127.0.0.1:9"};
    }

    /** Starts the portal and, if it comes up, stops it again. */
    private static void start(String... args) {
        try (var context = new SpringApplicationBuilder(PortalApplication.class).run(args)) {
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
