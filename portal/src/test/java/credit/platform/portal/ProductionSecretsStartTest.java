package credit.platform.portal;

import static org.assertj.core.api.Assertions.assertThat;

import credit.platform.testsupport.ProductionSecretsContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Under the production profile the portal does not start without its client secret or on the
 * repository's development value of it ({@code credit-portal-secret}, the dev realm's), by the rule every
 * service applies (platform-secrets' ProductionSecretsAutoConfiguration; docs/deployment.md, "Secrets
 * production reads"): the development value sits only in the {@code !production} document of its
 * application.yml, so production must set {@code CREDIT_PORTAL_CLIENT_SECRET} from the secret store, and
 * the refusal names the property, never a value. Given it, the portal starts (it contacts nothing at
 * start-up). The cases are {@link ProductionSecretsContract}'s, and the secret given as the variable.
 */
class ProductionSecretsStartTest extends ProductionSecretsContract {

    private static final String PROPERTY = "spring.security.oauth2.client.registration.keycloak.client-secret";

    ProductionSecretsStartTest() {
        super(PortalApplication.class,
                List.of("--server.port=0", "--management.server.port=0",
                        "--credit.security.issuer-uri=" + unreachableRealm(),
                        "--credit.portal.gateway-uri=http://127.0.0.1:9"),
                Map.of(PROPERTY, "from-the-secret-store-portal-1"));
    }

    @BeforeAll
    static void theSecretIsNotSetAroundTheTest() {
        Assumptions.assumeTrue(System.getenv("CREDIT_PORTAL_CLIENT_SECRET") == null,
                "CREDIT_PORTAL_CLIENT_SECRET is set in this environment");
    }

    @Override
    protected Map.Entry<String, String> developmentValue() {
        return Map.entry(PROPERTY, "credit-portal-secret");
    }

    /** The issue #14 residual: the dev realm's secret, set explicitly where production reads it. */
    @Test
    void inProductionTheDevelopmentSecretGivenAsTheVariableIsRefused() {
        Throwable failure = start(Map.of("CREDIT_PORTAL_CLIENT_SECRET", "credit-portal-secret"));

        assertThat(refusal(failure)).as("the portal started in production on credit-portal-secret")
                .hasValueSatisfying(r -> assertThat(r).contains(PROPERTY).doesNotContain("credit-portal-secret"));
    }

    @Test
    void inProductionGivenItsSecretAsTheVariableThePortalStarts() {
        assertThat(start(Map.of("CREDIT_PORTAL_CLIENT_SECRET", "from-the-secret-store-portal-1"))).isNull();
    }
}
