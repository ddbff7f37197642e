package credit.platform.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a {@link PlatformStack} needs to know: where the repository is, which ports to use,
 * where Mongo keeps its data and where the logs go.
 *
 * @param name             short name of this stack ("local", "tests"): names Keycloak's instance directory
 * @param repoRoot         the repository root (holds {@code keycloak/credit-realm.json} and the modules' executable {@code target/<module>-exec.jar})
 * @param keycloakPort     Keycloak HTTP port (issuer {@code http://localhost:<port>/realms/credit})
 * @param keycloakManagementPort Keycloak management interface port (default 9000 would collide between stacks)
 * @param mongoPort        port of the embedded MongoDB-protocol server
 * @param mongoFile        H2 file the Mongo server persists to, or {@code null} for an in-memory backend
 * @param logDir           where each component's {@code <name>.log} is written
 * @param apps             the applications (five services, then the portal), in start order
 * @param startupTimeout   how long each component may take to become ready
 * @param smtpPort         the in-process SMTP server (GreenMail) notices are e-mailed through; its IMAP
 *                         server, to read them, listens on {@link #imapPort()}
 */
public record StackConfig(
        String name,
        Path repoRoot,
        int keycloakPort,
        int keycloakManagementPort,
        int mongoPort,
        Path mongoFile,
        Path logDir,
        List<AppConfig> apps,
        Duration startupTimeout,
        int smtpPort) {

    public static final String REALM = "credit";

    /** Every port of a local stack is bound to this address (loopback), never to all interfaces. */
    public static final String LOOPBACK = "127.0.0.1";

    /** JVM options of each app process: small heaps and quick start-up on a 2-core machine. */
    public static final List<String> APP_JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /**
     * How far above its HTTP port an app's actuator listens (health, metrics, Prometheus): the rule every
     * app's {@code management.server.port} follows (8080 → 8280), so the ports of stacks moved by whole
     * thousands never meet.
     */
    public static final int MANAGEMENT_PORT_SHIFT = 200;

    /**
     * How far above Keycloak's port the test stack's trace receiver listens (an OTLP/HTTP endpoint the
     * system tests run): 18180 → 18300.
     */
    public static final int TRACES_PORT_SHIFT = 120;

    /** One Spring Boot application of the platform; the gateway's gRPC port is its front door for travel checks. */
    public record AppConfig(String name, String database, int httpPort, int grpcPort) {
        public boolean hasGrpc() {
            return grpcPort > 0;
        }

        /** The actuator's own port: {@link #MANAGEMENT_PORT_SHIFT} above the API port. */
        public int managementPort() {
            return httpPort + MANAGEMENT_PORT_SHIFT;
        }
    }

    /** A stack whose SMTP port follows Keycloak's (8180 → 2525; 18180 + n → 12525 + n). */
    public StackConfig(String name, Path repoRoot, int keycloakPort, int keycloakManagementPort, int mongoPort,
            Path mongoFile, Path logDir, List<AppConfig> apps, Duration startupTimeout) {
        this(name, repoRoot, keycloakPort, keycloakManagementPort, mongoPort, mongoFile, logDir, apps, startupTimeout,
                keycloakPort - 5655);
    }

    public StackConfig {
        Objects.requireNonNull(name, "name");
        repoRoot = repoRoot.toAbsolutePath().normalize();
        logDir = logDir.toAbsolutePath().normalize();
        mongoFile = mongoFile == null ? null : mongoFile.toAbsolutePath().normalize();
        apps = List.copyOf(apps);
    }

    /** Synthetic subjects seeded into an empty registry on the local platform. */
    static final int LOCAL_DEMO_SUBJECTS = 500;

    /** The ports every app's application.yml defaults to: {@code ./platform} runs this. */
    public static StackConfig local(Path repoRoot) {
        return local(repoRoot, 0);
    }

    /**
     * The local platform with every port moved by {@code offset} ({@code ./platform --port-offset N}).
     * A moved platform is a stack of its own: name {@code local-<offset>}, its own data
     * ({@code .run/mongo-<offset>/}) and logs ({@code .run/logs-<offset>/}), so it runs beside one on
     * the default ports.
     */
    public static StackConfig local(Path repoRoot, int offset) {
        Path root = repoRoot.toAbsolutePath().normalize();
        String suffix = offset == 0 ? "" : "-" + offset;
        return new StackConfig("local" + suffix, root, 8180 + offset, 9000 + offset, 27017 + offset,
                root.resolve(".run/mongo" + suffix + "/credit.mv"), root.resolve(".run/logs" + suffix),
                apps(8080 + offset, 8081 + offset, 9091 + offset, 8090 + offset), Duration.ofSeconds(180));
    }

    /** Environment variable (or {@code --port-offset}) that moves every port of the local platform. */
    public static final String LOCAL_PORT_OFFSET_ENV = "CREDIT_PORT_OFFSET";

    /** Whether this is a local platform (seeded with demo data), whatever its port offset. */
    public boolean isLocal() {
        return name.equals("local") || name.startsWith("local-");
    }

    /**
     * A disjoint set of ports, an in-memory Mongo and logs under {@code system-tests/target}, so the
     * system tests can run while a local platform is up.
     */
    public static StackConfig forTests(Path repoRoot) {
        return forTests(repoRoot, testPortOffset(System.getenv(TEST_PORT_OFFSET_ENV)));
    }

    /** Environment variable that moves every port of the test stack by the same amount (several checkouts, one machine). */
    public static final String TEST_PORT_OFFSET_ENV = "CREDIT_TEST_PORT_OFFSET";

    /** The test stack with every port moved by {@code offset} (0 = the 18xxx/19xxx defaults). */
    public static StackConfig forTests(Path repoRoot, int offset) {
        Path root = repoRoot.toAbsolutePath().normalize();
        return new StackConfig("tests", root, 18180 + offset, 19000 + offset, 28017 + offset,
                null, root.resolve("system-tests/target/stack-logs"),
                apps(18080 + offset, 18081 + offset, 19091 + offset, 18090 + offset), Duration.ofSeconds(240));
    }

    /**
     * A stack of its own on the test stack's ports ({@link #forTests(Path)}, so
     * {@code CREDIT_TEST_PORT_OFFSET} moves it): the benchmarks' and the fault drill's stacks, which keep
     * their data in {@code mongoFile} ({@code null}: in memory) and their logs in {@code logDir}.
     */
    public static StackConfig onTestPorts(Path repoRoot, String name, Path mongoFile, Path logDir) {
        StackConfig tests = forTests(repoRoot);
        return new StackConfig(name, tests.repoRoot(), tests.keycloakPort(), tests.keycloakManagementPort(),
                tests.mongoPort(), mongoFile, logDir, tests.apps(), tests.startupTimeout(), tests.smtpPort());
    }

    static int testPortOffset(String value) {
        return portOffset(value, TEST_PORT_OFFSET_ENV);
    }

    /** A port offset written by a person: a whole number from 0 to 30000 ({@code source} names where it came from). */
    public static int portOffset(String value, String source) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        int offset;
        try {
            offset = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + " must be a whole number, not '" + value + "'");
        }
        if (offset < 0 || offset > 30000) {
            throw new IllegalArgumentException(source + " must be between 0 and 30000, not " + offset);
        }
        return offset;
    }

    private static List<AppConfig> apps(int gatewayHttp, int firstServiceHttp, int firstGrpc, int portalHttp) {
        return List.of(
                new AppConfig("registry-service", "registry", firstServiceHttp, firstGrpc),
                new AppConfig("blacklist-service", "lists", firstServiceHttp + 1, firstGrpc + 1),
                new AppConfig("scoring-service", "scoring", firstServiceHttp + 2, firstGrpc + 2),
                new AppConfig("sanctions-service", "sanctions", firstServiceHttp + 3, firstGrpc + 3),
                new AppConfig("gateway", "audit", gatewayHttp, firstGrpc - 1),
                // the pages people use: no database of its own, everything through the gateway
                new AppConfig("portal", null, portalHttp, 0));
    }

    public AppConfig app(String appName) {
        return apps.stream().filter(a -> a.name().equals(appName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no app named " + appName));
    }

    /** Every TCP port this stack binds, keyed by a human-readable owner. */
    public Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("keycloak", keycloakPort);
        ports.put("keycloak-management", keycloakManagementPort);
        ports.put("mongo", mongoPort);
        ports.put("smtp", smtpPort);
        ports.put("imap", imapPort());
        for (AppConfig app : apps) {
            ports.put(app.name() + "-http", app.httpPort());
            ports.put(app.name() + "-management", app.managementPort());
            if (app.hasGrpc()) {
                ports.put(app.name() + "-grpc", app.grpcPort());
            }
        }
        return ports;
    }

    public String keycloakUrl() {
        return "http://localhost:" + keycloakPort;
    }

    public String issuerUri() {
        return keycloakUrl() + "/realms/" + REALM;
    }

    public String tokenUri() {
        return issuerUri() + "/protocol/openid-connect/token";
    }

    public String gatewayUrl() {
        return "http://localhost:" + app("gateway").httpPort();
    }

    /** The in-process IMAP server: read the notices e-mailed on this stack (user = the address, any password). */
    public int imapPort() {
        return smtpPort + 618;
    }

    /** The portal's address (the pages people use). */
    public String portalUrl() {
        return "http://localhost:" + app("portal").httpPort();
    }

    /**
     * Where the apps send their traces (OTLP over HTTP): only the test stack exports, to a receiver the
     * system tests run; the local platform records none (docs/observability.md).
     */
    public java.util.Optional<String> tracesEndpoint() {
        return isLocal() ? java.util.Optional.empty()
                : java.util.Optional.of("http://127.0.0.1:" + (keycloakPort + TRACES_PORT_SHIFT) + "/v1/traces");
    }

    public String mongoUri(String database) {
        return "mongodb://localhost:" + mongoPort + "/" + database;
    }

    public Path realmFile() {
        return repoRoot.resolve("keycloak/credit-realm.json");
    }

    /** Where this stack records the processes it started (see {@code PidFile}). */
    public Path pidFile() {
        return repoRoot.resolve(".run").resolve("stack-" + name + ".pids");
    }

    public Path cacheDir() {
        return repoRoot.resolve(".cache");
    }

    public Path appJar(AppConfig app) {
        return repoRoot.resolve(app.name()).resolve("target").resolve(app.name() + "-exec.jar");
    }

    /**
     * The command-line overrides for one app. Every value is passed even where it equals the app's
     * default, so that a stack on other ports (the tests) is wired consistently.
     */
    public List<String> appArguments(AppConfig app) {
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + app.httpPort());
        // a local stack listens on loopback only: nothing on the network reaches a service's own ports
        args.add("--server.address=" + LOOPBACK);
        args.add("--management.server.port=" + app.managementPort());
        if (app.hasGrpc()) {
            args.add("--spring.grpc.server.port=" + app.grpcPort());
            args.add("--spring.grpc.server.address=" + LOOPBACK);
        }
        if (app.database() != null) {
            args.add("--spring.mongodb.uri=" + mongoUri(app.database()));
        }
        args.add("--credit.security.issuer-uri=" + issuerUri());
        args.add("--credit.security.token-uri=" + tokenUri());
        args.add("--spring.grpc.client.channel.registry.target=static://localhost:" + app("registry-service").grpcPort());
        args.add("--spring.grpc.client.channel.lists.target=static://localhost:" + app("blacklist-service").grpcPort());
        args.add("--spring.grpc.client.channel.scoring.target=static://localhost:" + app("scoring-service").grpcPort());
        args.add("--spring.grpc.client.channel.sanctions.target=static://localhost:" + app("sanctions-service").grpcPort());
        tracesEndpoint().ifPresent(endpoint -> {
            // the test stack traces every request and logs as in production (one JSON object per line)
            args.add("--management.opentelemetry.tracing.export.otlp.endpoint=" + endpoint);
            args.add("--management.tracing.sampling.probability=1.0");
            args.add("--logging.structured.format.console=ecs");
        });
        if (app.name().equals("registry-service") && isLocal()) {
            // The local platform starts with a small deterministic demo data set (seeded only into an
            // empty registry); the system tests start empty and create what they check.
            args.add("--credit.registry.demo-data.size=" + LOCAL_DEMO_SUBJECTS);
        }
        if (app.name().equals("sanctions-service")) {
            // notices to subjects go through this stack's SMTP server and link to its portal
            args.add("--spring.mail.host=127.0.0.1");
            args.add("--spring.mail.port=" + smtpPort);
            args.add("--credit.notices.portal-url=" + portalUrl());
        }
        if (app.name().equals("portal")) {
            args.add("--credit.portal.gateway-uri=" + gatewayUrl());
        }
        if (app.name().equals("gateway")) {
            args.add("--credit.gateway.registry-uri=http://localhost:" + app("registry-service").httpPort());
            args.add("--credit.gateway.lists-uri=http://localhost:" + app("blacklist-service").httpPort());
            args.add("--credit.gateway.scoring-uri=http://localhost:" + app("scoring-service").httpPort());
            args.add("--credit.gateway.sanctions-uri=http://localhost:" + app("sanctions-service").httpPort());
        }
        return args;
    }
}
