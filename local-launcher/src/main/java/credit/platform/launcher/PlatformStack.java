package credit.platform.launcher;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The whole platform on one machine: an embedded MongoDB-protocol server in this JVM, a real Keycloak
 * (from the distribution the Maven build unpacked into {@code .cache/keycloak}) and the five Spring Boot
 * applications as child processes.
 *
 * <pre>{@code
 * try (PlatformStack stack = new PlatformStack(StackConfig.forTests(RepoRoot.find()))) {
 *     stack.start();
 *     // http://localhost:18080 is the gateway
 * }
 * }</pre>
 */
public final class PlatformStack implements AutoCloseable {

    public static final String KEYCLOAK_ADMIN = "admin";
    public static final String KEYCLOAK_ADMIN_PASSWORD = "admin";
    static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final StackConfig config;
    private final AppLaunch launch;
    /** What is running, last started first: closed in this order. */
    private final Deque<Component> started = new ArrayDeque<>();
    private final List<String> timings = new ArrayList<>();
    private final PidFile pidFile;
    /** The running processes by component name, and the Mongo server: for the fault drill's kill and restart. */
    private final Map<String, Process> processes = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile MongoServer mongoServer;
    private Thread shutdownHook;
    private boolean closed;

    public PlatformStack(StackConfig config) {
        this(config, AppLaunch.fastStart());
    }

    /** A stack whose apps start as {@code launch} says (JVM options, extra arguments): see {@link AppLaunch}. */
    public PlatformStack(StackConfig config, AppLaunch launch) {
        this.config = config;
        this.launch = launch;
        // under .run/ (not target/): survives a "mvn clean" after a killed test run
        this.pidFile = new PidFile(config.pidFile());
    }

    public StackConfig config() {
        return config;
    }

    /** The process of a started app (for a benchmark's profiler or memory samples); empty when not started. */
    public java.util.Optional<ProcessHandle> appProcess(String appName) {
        return java.util.Optional.ofNullable(processes.get(appName)).map(Process::toHandle);
    }

    /** "keycloak ready in 18.2 s", … — one line per component, in start order. */
    public synchronized List<String> timings() {
        return List.copyOf(timings);
    }

    /**
     * Starts Mongo, Keycloak and the five apps, each waited on until ready. On failure everything
     * already started is stopped again and a {@link StackStartException} names the component and its log.
     */
    public synchronized PlatformStack start() {
        return start(true);
    }

    /**
     * Starts only Mongo and Keycloak (for running one app from an IDE against them). Same failure
     * handling as {@link #start()}.
     */
    public synchronized PlatformStack startInfrastructure() {
        return start(false);
    }

    private PlatformStack start(boolean withApps) {
        if (closed || shutdownHook != null) {
            throw new IllegalStateException("a stack can be started once; create a new one");
        }
        shutdownHook = new Thread(this::closeQuietly, "platform-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            for (String leftover : pidFile.stopLeftovers(STOP_GRACE)) {
                System.out.println("[platform] stopped " + leftover + ", left running by an earlier " + config.name()
                        + " stack that was killed");
            }
            checkPrerequisites(withApps);
            createDirectories(config.logDir());
            startMongo();
            startMail();
            startKeycloak();
            if (withApps) {
                for (StackConfig.AppConfig app : config.apps()) {
                    startApp(app);
                }
            }
            return this;
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    // ---------------------------------------------------------------- prerequisites

    private void checkPrerequisites(boolean withApps) {
        List<String> problems = new ArrayList<>();
        if (!Files.isRegularFile(config.realmFile())) {
            problems.add("realm file missing: " + config.realmFile());
        }
        for (StackConfig.AppConfig app : withApps ? config.apps() : List.<StackConfig.AppConfig>of()) {
            if (!Files.isRegularFile(config.appJar(app))) {
                problems.add("application jar missing: " + config.appJar(app));
            }
        }
        if (!Files.isRegularFile(keycloakDistribution().resolve("bin/kc.sh"))) {
            problems.add("Keycloak distribution missing: " + keycloakDistribution());
        }
        if (!problems.isEmpty()) {
            throw new StackStartException(String.join("\n  ", problems)
                    + "\n  Build first: ./mvnw -DskipTests install (the build unpacks Keycloak and packages the apps).");
        }
        for (Map.Entry<String, Integer> port : config.ports().entrySet()) {
            if ((withApps || !port.getKey().endsWith("-http") && !port.getKey().endsWith("-grpc")
                    && !port.getKey().endsWith("-management")) && !isPortFree(port.getValue())) {
                throw new StackStartException("port " + port.getValue() + " (" + port.getKey()
                        + ") is already in use — is another platform stack (./platform or the system tests) running?");
            }
        }
    }

    static boolean isPortFree(int port) {
        for (InetAddress address : new InetAddress[] {InetAddress.getLoopbackAddress(), null}) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(address == null ? new InetSocketAddress(port) : new InetSocketAddress(address, port));
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- Mongo

    private void startMongo() {
        long t0 = System.nanoTime();
        MongoBackend backend;
        if (config.mongoFile() == null) {
            backend = new MemoryBackend();
        } else {
            createDirectories(config.mongoFile().getParent());
            backend = new H2Backend(config.mongoFile().toString());
        }
        MongoServer server = new MongoServer(backend);
        server.enableOplog();
        try {
            server.bind("127.0.0.1", config.mongoPort());
        } catch (RuntimeException e) {
            backend.close();
            throw new StackStartException("mongo could not bind 127.0.0.1:" + config.mongoPort() + ": " + e.getMessage(), e);
        }
        mongoServer = server;
        started.push(new Component("mongo", () -> {
            MongoServer running = mongoServer;
            if (running != null) {
                running.shutdown();
            }
        }));
        record("mongo", t0, config.mongoFile() == null ? "in-memory" : "H2 file " + config.mongoFile());
    }

    // ---------------------------------------------------------------- SMTP

    /**
     * GreenMail in this JVM: SMTP for the notices the sanctions service e-mails, IMAP (any password)
     * to read them. Every address is a mailbox; nothing leaves the machine.
     */
    private void startMail() {
        long t0 = System.nanoTime();
        com.icegreen.greenmail.util.GreenMail mail = new com.icegreen.greenmail.util.GreenMail(
                new com.icegreen.greenmail.util.ServerSetup[] {
                        new com.icegreen.greenmail.util.ServerSetup(config.smtpPort(), "127.0.0.1",
                                com.icegreen.greenmail.util.ServerSetup.PROTOCOL_SMTP),
                        new com.icegreen.greenmail.util.ServerSetup(config.imapPort(), "127.0.0.1",
                                com.icegreen.greenmail.util.ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(com.icegreen.greenmail.configuration.GreenMailConfiguration.aConfig()
                        .withDisabledAuthentication());
        try {
            mail.start();
        } catch (RuntimeException e) {
            throw new StackStartException("mail server could not bind 127.0.0.1:" + config.smtpPort() + ": "
                    + e.getMessage(), e);
        }
        started.push(new Component("mail", mail::stop));
        record("mail (GreenMail)", t0, "SMTP localhost:" + config.smtpPort() + ", IMAP localhost:" + config.imapPort());
    }

    // ---------------------------------------------------------------- Keycloak

    /** The pristine distribution unpacked by the Maven build (never started itself). */
    Path keycloakDistribution() {
        return config.cacheDir().resolve("keycloak").resolve("keycloak-" + keycloakVersion());
    }

    /**
     * The directory this stack runs Keycloak from: a copy of the distribution per stack name, because
     * {@code kc.sh start-dev} rewrites {@code lib/quarkus} and {@code data/} on every start — two stacks
     * sharing one directory would break each other.
     */
    public Path keycloakHome() {
        return config.cacheDir().resolve("keycloak-instances").resolve(config.name());
    }

    static String keycloakVersion() {
        try (InputStream in = PlatformStack.class.getResourceAsStream("/credit-launcher.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("keycloak.version");
            if (v == null || v.isBlank() || v.contains("${")) {
                throw new IllegalStateException("credit-launcher.properties has no filtered keycloak.version");
            }
            return v.trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startKeycloak() {
        long t0 = System.nanoTime();
        Path home = prepareKeycloakHome();
        Path log = config.logDir().resolve("keycloak.log");
        List<String> command = List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + config.keycloakPort(),
                "--hostname=" + config.keycloakUrl(),
                "--http-management-port=" + config.keycloakManagementPort(),
                "--import-realm");
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("KC_") || k.startsWith("KEYCLOAK_") || k.startsWith("JAVA_OPTS"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", KEYCLOAK_ADMIN);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", KEYCLOAK_ADMIN_PASSWORD);
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
        // jboss-threads wants this on Java 24+ (else a stack trace at shutdown)
        env.put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
        Process process = startProcess("keycloak", pb, log);
        pidFile.add("keycloak", process.toHandle());
        processes.put("keycloak", process);
        started.push(new Component("keycloak", () -> ProcessTree.stop(process.toHandle(), STOP_GRACE)));
        HttpWait.awaitOk("keycloak", config.issuerUri() + "/.well-known/openid-configuration",
                config.startupTimeout(), process::isAlive, log);
        record("keycloak", t0, config.keycloakUrl() + " (log " + log + ")");
    }

    private Path prepareKeycloakHome() {
        Path dist = keycloakDistribution();
        Path home = keycloakHome();
        try {
            String distVersion = Files.readString(dist.resolve("version.txt"));
            Path homeVersion = home.resolve("version.txt");
            if (!Files.isRegularFile(homeVersion) || !Files.readString(homeVersion).equals(distVersion)) {
                deleteRecursively(home);
                copyDistribution(dist, home);
            }
            // The realm in the repository is always the one imported: no database survives a restart.
            deleteRecursively(home.resolve("data/h2"));
            Path importDir = createDirectories(home.resolve("data/import"));
            try (Stream<Path> old = Files.list(importDir)) {
                for (Path p : old.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.copy(config.realmFile(), importDir.resolve("credit-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            return home;
        } catch (IOException e) {
            throw new StackStartException("cannot prepare Keycloak in " + home + ": " + e, e);
        }
    }

    private static void copyDistribution(Path dist, Path home) throws IOException {
        Path staging = home.resolveSibling(home.getFileName() + ".copying");
        deleteRecursively(staging);
        Files.walkFileTree(dist, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path rel = dist.relativize(dir);
                if (rel.toString().equals("data")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(staging.resolve(rel.toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, staging.resolve(dist.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
        Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
    }

    // ---------------------------------------------------------------- applications

    private void startApp(StackConfig.AppConfig app) {
        long t0 = System.nanoTime();
        Path log = config.logDir().resolve(app.name() + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(launch.jvmOptions(app.name()));
        command.add("-jar");
        command.add(config.appJar(app).toString());
        command.addAll(withOverrides(config.appArguments(app), launch.arguments(app.name())));
        ProcessBuilder pb = new ProcessBuilder(command).directory(config.logDir().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("CREDIT_")
                || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
        Process process = startProcess(app.name(), pb, log);
        pidFile.add(app.name(), process.toHandle());
        processes.put(app.name(), process);
        started.push(new Component(app.name(), () -> ProcessTree.stop(process.toHandle(), STOP_GRACE)));
        // the readiness group on the API port (management.endpoint.health.probes.add-additional-paths)
        HttpWait.awaitOk(app.name(), "http://localhost:" + app.httpPort() + "/readyz",
                config.startupTimeout(), process::isAlive, log);
        record(app.name(), t0, "http://localhost:" + app.httpPort()
                + (app.hasGrpc() ? ", gRPC " + app.grpcPort() : "") + ", metrics " + app.managementPort()
                + " (log " + log + ")");
    }

    /**
     * The stack's arguments with {@code overrides} applied: an override of the same {@code --key}
     * replaces the stack's value (Spring would join two values of one key with a comma).
     */
    static List<String> withOverrides(List<String> arguments, List<String> overrides) {
        List<String> all = new ArrayList<>();
        for (String argument : arguments) {
            if (overrides.stream().noneMatch(o -> key(o).equals(key(argument)))) {
                all.add(argument);
            }
        }
        all.addAll(overrides);
        return all;
    }

    private static String key(String argument) {
        int eq = argument.indexOf('=');
        return eq < 0 ? argument : argument.substring(0, eq);
    }

    private static Process startProcess(String component, ProcessBuilder pb, Path log) {
        try {
            return pb.start();
        } catch (IOException e) {
            throw new StackStartException("cannot start " + component + " (" + pb.command() + "): " + e.getMessage()
                    + "; see " + log, e);
        }
    }

    // ---------------------------------------------------------------- faults (the fault drill)

    /** Kills an application or Keycloak at once, as {@code kill -9} would (no shutdown hook runs), and waits for it to be gone. */
    public synchronized void kill(String component) {
        Process process = processes.get(component);
        if (process == null) {
            throw new IllegalArgumentException("no running component named " + component);
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing " + component, e);
        }
    }

    /** Starts a killed application again and waits until it is ready. */
    public synchronized void restart(String appName) {
        startApp(config.app(appName));
    }

    /** Stops the Mongo server (a clean shutdown; the H2 file keeps the data when the stack has one). */
    public synchronized void stopMongo() {
        MongoServer running = mongoServer;
        mongoServer = null;
        if (running != null) {
            running.shutdown();
        }
    }

    /** Starts the Mongo server again on the same port and file. */
    public synchronized void restartMongo() {
        startMongo();
    }

    /** Stops Keycloak (as {@link #kill}). */
    public synchronized void stopKeycloak() {
        kill("keycloak");
    }

    /** Starts Keycloak again (the realm is imported afresh) and waits until it answers. */
    public synchronized void restartKeycloak() {
        startKeycloak();
    }

    // ---------------------------------------------------------------- stop

    /** Stops everything this stack started, last started first. Safe to call more than once. */
    @Override
    public void close() {
        synchronized (this) {
            if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException shutdownInProgress) {
                    // the hook will run (or is running) close() itself
                }
            }
            closed = true;
            RuntimeException failure = null;
            while (!started.isEmpty()) {
                Component c = started.pop();
                try {
                    c.stop().run();
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = new IllegalStateException("stopping " + c.name() + " failed", e);
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
            pidFile.delete();
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            System.err.println("platform stack: " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- helpers

    private synchronized void record(String component, long startNanos, String detail) {
        String line = String.format("%-18s ready in %5.1f s  %s", component,
                (System.nanoTime() - startNanos) / 1e9, detail);
        timings.add(line);
        System.out.println("[platform] " + line);
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private record Component(String name, Runnable stop) {
    }
}
