package credit.platform.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./platform}: starts the whole platform on the ports the apps default to and blocks until Ctrl-C.
 * With {@code --infra-only} only Mongo and Keycloak are started (run an app from the IDE against them);
 * {@code --port-offset N} (or {@code CREDIT_PORT_OFFSET=N}) moves every port by N;
 * {@code --production-jvm} runs each app with its production container's JVM settings (default JIT;
 * {@link AppLaunch#production()}) instead of the quick-start flags: slower to start, the speed a
 * benchmark should see.
 */
public final class LocalPlatform {

    private LocalPlatform() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        Path root;
        try {
            options = Options.parse(List.of(args), System.getenv(StackConfig.LOCAL_PORT_OFFSET_ENV));
            root = RepoRoot.find();
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("[platform] " + e.getMessage());
            System.err.println("[platform] usage: ./platform [--infra-only] [--port-offset N] [--production-jvm]");
            System.exit(2);
            return;
        }
        boolean infraOnly = options.infraOnly();
        StackConfig config = StackConfig.local(root, options.portOffset());
        logEmbeddedMongoTo(config.logDir().resolve("mongo.log"));
        PlatformStack stack = new PlatformStack(config,
                options.productionJvm() ? AppLaunch.production() : AppLaunch.fastStart());
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

    /** The launcher's command line. */
    record Options(boolean infraOnly, int portOffset, boolean productionJvm) {

        Options(boolean infraOnly, int portOffset) {
            this(infraOnly, portOffset, false);
        }

        /**
         * {@code --infra-only}, {@code --port-offset N} / {@code --port-offset=N} (the environment's offset
         * when no flag gives one), {@code --production-jvm}.
         */
        static Options parse(List<String> args, String envOffset) {
            boolean infraOnly = false;
            boolean productionJvm = false;
            String offset = null;
            String offsetSource = StackConfig.LOCAL_PORT_OFFSET_ENV;
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.equals("--infra-only")) {
                    infraOnly = true;
                } else if (a.equals("--production-jvm")) {
                    productionJvm = true;
                } else if (a.equals("--port-offset") && i + 1 < args.size()) {
                    offset = args.get(++i);
                    offsetSource = "--port-offset";
                } else if (a.startsWith("--port-offset=")) {
                    offset = a.substring("--port-offset=".length());
                    offsetSource = "--port-offset";
                } else {
                    throw new IllegalArgumentException("unknown argument '" + a + "'");
                }
            }
            return new Options(infraOnly, StackConfig.portOffset(offset != null ? offset : envOffset, offsetSource),
                    productionJvm);
        }
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
        if (!infraOnly) {
            b.append(" Portal (web pages)      ").append(c.portalUrl()).append("/\n");
        }
        b.append(" Mail (GreenMail)        SMTP localhost:").append(c.smtpPort()).append(", read notices by IMAP localhost:")
                .append(c.imapPort()).append(" (user = the address, any password)\n");
        b.append(" Keycloak admin console  ").append(c.keycloakUrl()).append("/admin/  (admin / admin)\n");
        b.append(" Realm / issuer          ").append(c.issuerUri()).append('\n');
        b.append(" Token endpoint          ").append(c.tokenUri()).append('\n');
        b.append(" MongoDB (embedded)      ").append(c.mongoUri("")).append("  data: ")
                .append(c.mongoFile() == null ? "in memory" : c.mongoFile()).append('\n');
        b.append('\n').append(" Demo clients (").append(c.repoRoot().relativize(c.realmFile()))
                .append(") — DEV REALM ONLY, the secrets are in the repository:\n");
        for (DemoClients.DemoClient client : DemoClients.fromRealm(c.realmFile())) {
            if (client.isPublic()) {
                b.append(String.format("   %-16s %-24s users: %s%n", client.clientId(), "(public client)",
                        String.join(", ", client.users())));
            } else {
                b.append(String.format("   %-16s %-24s %s%s%n", client.clientId(), client.secret(),
                        String.join(" ", client.scopes()), client.agency() == null ? "" : " (agency " + client.agency() + ")"));
            }
        }
        b.append('\n').append(" Portal demo users (password = <user>-password): citizen-demo, citizen2-demo (people),\n")
                .append("   company-demo (representative of 91350200776049653A), spc-officer-demo, samr-officer-demo (officers)\n");
        b.append('\n').append(" Try it:\n");
        b.append("   TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=registrar-demo -d client_secret=registrar-demo-secret \\\n");
        b.append("           ").append(c.tokenUri()).append(" | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')\n");
        b.append("   curl -s -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' \\\n");
        b.append("        -d '{\"kind\":\"PERSON\",\"name\":\"测试\",\"identifiers\":[{\"scheme\":\"RESIDENT_ID\",\"value\":\"11010519491231002X\"}]}' \\\n");
        b.append("        ").append(c.gatewayUrl()).append("/api/v1/subjects\n");
        b.append("   curl -s -H \"Authorization: Bearer $TOKEN\" -H 'X-Purpose: DATA_MAINTENANCE' '").append(c.gatewayUrl())
                .append("/api/v1/subjects/lookup?scheme=RESIDENT_ID&value=11010519491231002X'\n");
        b.append("   (data persists in ").append(c.mongoFile() == null ? "memory" : c.mongoFile().getParent())
                .append(": creating the same subject again answers 409 Conflict)\n");
        b.append('\n').append(" Command line for agencies: cli/credit --help  (CREDIT_GATEWAY_URL=").append(c.gatewayUrl())
                .append(" CREDIT_TOKEN_URI=").append(c.tokenUri()).append(")\n");
        b.append(" Logs: ").append(c.logDir()).append("/<component>.log\n");
        b.append(" Stop: Ctrl-C (stops every process this launcher started)\n");
        b.append(line).append('\n');
        return b.toString();
    }
}
