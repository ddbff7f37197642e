package credit.platform.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./platform}: starts the whole platform on the ports the apps default to and blocks until Ctrl-C.
 * With {@code --infra-only} only Mongo and Keycloak are started (run an app from the IDE against them).
 */
public final class LocalPlatform {

    /** Every confidential demo client of keycloak/credit-realm.json; the secret is {@code <clientId>-secret}. */
    static final List<String[]> DEMO_CLIENTS = List.of(
            new String[] {"airline-demo", "travel.check"},
            new String[] {"rail-demo", "travel.check"},
            new String[] {"court-demo", "lists.read lists.write registry.read (agency SPC)"},
            new String[] {"samr-demo", "lists.read lists.write registry.read (agency SAMR)"},
            new String[] {"tax-demo", "lists.read lists.write registry.read (agency STA)"},
            new String[] {"registrar-demo", "registry.read registry.write"},
            new String[] {"auditor-demo", "audit.read"},
            new String[] {"platform-admin", "all scopes"},
            new String[] {"credit-services", "service-to-service: registry.read registry.write lists.read scoring.read"});

    private LocalPlatform() {
    }

    public static void main(String[] args) throws InterruptedException {
        boolean infraOnly = List.of(args).contains("--infra-only");
        Path root;
        try {
            root = RepoRoot.find();
        } catch (IllegalStateException e) {
            System.err.println("[platform] " + e.getMessage() + " — run it from the repository (./platform).");
            System.exit(2);
            return;
        }
        StackConfig config = StackConfig.local(root);
        logEmbeddedMongoTo(config.logDir().resolve("mongo.log"));
        PlatformStack stack = new PlatformStack(config);
        long t0 = System.nanoTime();
        try {
            if (infraOnly) {
                stack.startInfrastructure();
            } else {
                stack.start();
            }
        } catch (StackStartException e) {
            System.err.println();
            System.err.println("[platform] START FAILED: " + e.getMessage());
            System.exit(1);
        }
        System.out.println(banner(config, infraOnly, (System.nanoTime() - t0) / 1e9));
        // The stack's shutdown hook stops everything on Ctrl-C / SIGTERM; until then, wait.
        new CountDownLatch(1).await();
    }

    /**
     * The embedded Mongo server runs in this JVM and logs through slf4j-simple: send that to a file like
     * every other component's log, not onto the console under the banner. Must run before the first logger.
     */
    private static void logEmbeddedMongoTo(Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", file.toString());
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    }

    static String banner(StackConfig c, boolean infraOnly, double seconds) {
        StringBuilder b = new StringBuilder();
        String line = "=".repeat(100);
        b.append('\n').append(line).append('\n');
        b.append(String.format(" Credit platform is up (%s, started in %.0f s)%n", infraOnly ? "infrastructure only" : "all components", seconds));
        b.append(line).append('\n');
        if (!infraOnly) {
            b.append(" Gateway (REST API)      ").append(c.gatewayUrl()).append("/api/v1/...\n");
            for (StackConfig.AppConfig app : c.apps()) {
                if (app.hasGrpc()) {
                    b.append(String.format("   %-21s http://localhost:%d  gRPC localhost:%d%n", app.name(), app.httpPort(), app.grpcPort()));
                }
            }
        }
        b.append(" Keycloak admin console  ").append(c.keycloakUrl()).append("/admin/  (admin / admin)\n");
        b.append(" Realm / issuer          ").append(c.issuerUri()).append('\n');
        b.append(" Token endpoint          ").append(c.tokenUri()).append('\n');
        b.append(" MongoDB (embedded)      ").append(c.mongoUri("")).append("  data: ")
                .append(c.mongoFile() == null ? "in memory" : c.mongoFile()).append('\n');
        b.append('\n').append(" Demo clients — DEV REALM ONLY, the secrets are in the repository (secret = <clientId>-secret):\n");
        for (String[] client : DEMO_CLIENTS) {
            b.append(String.format("   %-16s %-24s %s%n", client[0], client[0] + "-secret", client[1]));
        }
        b.append("   credit-web       (public client)          demo user citizen-demo / citizen-demo-password\n");
        b.append('\n').append(" Try it:\n");
        b.append("   TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=registrar-demo -d client_secret=registrar-demo-secret \\\n");
        b.append("           ").append(c.tokenUri()).append(" | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')\n");
        b.append("   curl -s -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' \\\n");
        b.append("        -d '{\"kind\":\"PERSON\",\"name\":\"测试\",\"identifiers\":[{\"scheme\":\"RESIDENT_ID\",\"value\":\"11010519491231002X\"}]}' \\\n");
        b.append("        ").append(infraOnly ? "http://localhost:8080" : c.gatewayUrl()).append("/api/v1/subjects\n");
        b.append("   curl -s -H \"Authorization: Bearer $TOKEN\" -H 'X-Purpose: DATA_MAINTENANCE' '").append(infraOnly ? "http://localhost:8080" : c.gatewayUrl())
                .append("/api/v1/subjects/lookup?scheme=RESIDENT_ID&value=11010519491231002X'\n");
        b.append("   (data persists in ").append(c.mongoFile() == null ? "memory" : c.mongoFile().getParent())
                .append(": creating the same subject again answers 409 Conflict)\n");
        b.append('\n').append(" Logs: ").append(c.logDir()).append("/<component>.log\n");
        b.append(" Stop: Ctrl-C (stops every process this launcher started)\n");
        b.append(line).append('\n');
        return b.toString();
    }
}
