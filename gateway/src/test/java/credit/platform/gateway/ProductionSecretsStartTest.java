package credit.platform.gateway;

import credit.platform.testsupport.ProductionSecretsContract;
import java.util.List;
import java.util.Map;

/**
 * Under the production profile the gateway does not start on the repository's development secrets:
 * the {@code !production} document of its application.yml does not apply there, and the production
 * secrets rule (platform-secrets) names every secret still missing (docs/deployment.md, "Secrets
 * production reads"); the cases are {@link ProductionSecretsContract}'s.
 */
class ProductionSecretsStartTest extends ProductionSecretsContract {

    ProductionSecretsStartTest() {
        super(GatewayApplication.class,
                List.of("--server.port=0", "--management.server.port=0", "--credit.gateway.grpc.port=0",
                        "--spring.mongodb.uri=" + unreachableMongo("audit"),
                        "--credit.security.issuer-uri=" + unreachableRealm()),
                Map.of("credit.security.client-secret", "from-the-secret-store-1",
                        "credit.audit.fingerprint-key", "from-the-secret-store-fingerprint-key-2",
                        "credit.audit.chain-keys.prod-1", "from-the-secret-store-chain-key-3333333333",
                        "credit.audit.chain-key-id", "prod-1"));
    }

    /** The chain's keys are a map: production names the id new entries use, which must name a given key. */
    @Override
    protected List<String> required() {
        return List.of("credit.security.client-secret", "credit.audit.fingerprint-key", "credit.audit.chain-key-id");
    }
}
