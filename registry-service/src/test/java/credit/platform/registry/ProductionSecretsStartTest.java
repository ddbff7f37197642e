package credit.platform.registry;

import credit.platform.testsupport.ProductionSecretsContract;
import java.util.Map;

/**
 * Under the production profile the registry service does not start without the service client's secret
 * or on its development value (docs/deployment.md, "Secrets production reads"): the production secrets
 * rule (platform-secrets) names it, never a value; the cases are {@link ProductionSecretsContract}'s.
 */
class ProductionSecretsStartTest extends ProductionSecretsContract {

    ProductionSecretsStartTest() {
        super(RegistryApplication.class, serviceArgs("registry"),
                Map.of("credit.security.client-secret", "from-the-secret-store-1"));
    }
}
