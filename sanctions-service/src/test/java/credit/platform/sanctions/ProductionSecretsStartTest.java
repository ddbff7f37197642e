package credit.platform.sanctions;

import credit.platform.testsupport.ProductionSecretsContract;
import java.util.Map;

/**
 * Under the production profile the sanctions service does not start on the repository's development
 * secrets: the {@code !production} document of its application.yml (receipt keys) does not apply there,
 * the decision log's and the service client's keys have no production default, and the production
 * secrets rule (platform-secrets) names every secret still missing (docs/deployment.md, "Secrets
 * production reads"), never a value; the cases are {@link ProductionSecretsContract}'s.
 */
class ProductionSecretsStartTest extends ProductionSecretsContract {

    ProductionSecretsStartTest() {
        super(SanctionsApplication.class, serviceArgs("sanctions"),
                Map.of("credit.security.client-secret", "from-the-secret-store-1",
                        "credit.receipts.key-encryption-key", "from-the-secret-store-kek-22222222222222",
                        "credit.receipts.document-key", "from-the-secret-store-document-key-333333",
                        "credit.sanctions.decision-log.fingerprint-key", "from-the-secret-store-fingerprint-4444"));
    }
}
