package credit.platform.benchmarks.frontdoor;

import credit.platform.launcher.AppLaunch;
import credit.platform.launcher.PlatformStack;
import credit.platform.launcher.RepoRoot;
import credit.platform.benchmarks.report.RunReport;
import credit.platform.benchmarks.report.RunReport.Tee;
import credit.platform.launcher.StackConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * One command for the front door's figures (issue 13, {@code docs/benchmarks.md}): starts the real
 * platform — real Keycloak, the five apps as processes with <b>production JVM settings</b>
 * ({@link AppLaunch#production()}: each app's JVM as in the production overlay — its container's
 * options, memory limit and collector), the embedded Mongo-protocol
 * server in this JVM — on the test-stack ports ({@code StackConfig.forTests}, so
 * {@code CREDIT_TEST_PORT_OFFSET} moves them), starts the echo servers ({@link EchoServers}) in their
 * own process ({@code -Xmx1g}), then runs the load client ({@link FrontDoorLoad}) in a third
 * process and writes the report to {@code benchmarks/target/front-door/}.
 *
 * <pre>
 * ./mvnw -q -DskipTests install        # the apps' exec jars and benchmarks.jar
 * bash benchmarks/run-front-door-bench.sh full            # ≈ 12 min
 * bash benchmarks/run-front-door-bench.sh profile         # JFR of the gateway (REST, gRPC) and sanctions (direct gRPC)
 * bash benchmarks/run-front-door-bench.sh soak 30         # 30 minutes of mixed traffic, memory sampled
 * bash benchmarks/run-front-door-bench.sh stack           # start it all and wait (profiling by hand)
 * </pre>
 *
 * <p>The one deliberate change to the apps' configuration: the travel-check budget of a client is
 * raised ({@code rate-limits.travel-check.limit}) so that one airline client can drive the platform to
 * its capacity: these runs measure capacity and overload, not the business budget (tested in
 * {@code gateway/.../TrafficTest}).
 */
public final class FrontDoorRun {

    /** The production overlay's {@code MANAGEMENT_TRACING_SAMPLING_PROBABILITY}. */
    static final String PRODUCTION_TRACE_SAMPLING = "0.1";

    private static final Pattern GC_LINE = Pattern.compile(
            "^\\[(\\d+\\.\\d+)s\\].*GC\\(\\d+\\) (Pause [^(]+(?:\\([^)]*\\) )*)(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private FrontDoorRun() {
    }

    public static void main(String[] args) throws Exception {
        String plan = args.length > 0 ? args[0] : "full";
        Path root = RepoRoot.find();
        Path out = root.resolve("benchmarks/target/front-door");
        Path logs = out.resolve("stack-logs");
        Files.createDirectories(logs);
        StackConfig config = StackConfig.onTestPorts(root, "bench", null, logs);
        AppLaunch launch = AppLaunch.production()
                .withArguments("gateway", "--credit.gateway.traffic.rate-limits.travel-check.limit=1000000",
                        "--credit.gateway.traffic.rate-limits.travel-check.burst=1000000");
        // -Dfd.sanctionsArguments="--credit.travel.receipt-group-interval=2ms …": a setting of sanctions to measure
        for (String argument : System.getProperty("fd.sanctionsArguments", "").trim().split("\\s+")) {
            if (!argument.isEmpty()) {
                launch = launch.withArguments("sanctions-service", argument);
            }
        }
        for (StackConfig.AppConfig app : config.apps()) {
            launch = launch.withJvmOptions(app.name(), "-Xlog:gc:file=" + logs.resolve(app.name() + "-gc.log") + ":uptime")
                    // traces as in production (k8s/overlays/production): a tenth of requests sampled and
                    // exported to a collector that answers (TraceSink); the test stack samples every request
                    .withArguments(app.name(), "--management.tracing.sampling.probability=" + PRODUCTION_TRACE_SAMPLING);
        }
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC).format(Instant.now());
        Path reportFile = out.resolve("front-door-" + plan + "-" + stamp + ".md");
        PrintStream report = new PrintStream(Files.newOutputStream(reportFile), true, StandardCharsets.UTF_8);
        Tee tee = new Tee(report);

        tee.println("## Front door, plan `" + plan + "`, " + Instant.now());
        tee.println();
        RunReport.header(tee, root);
        tee.println("- apps, echo servers and client: " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + "; traces sampled at " + PRODUCTION_TRACE_SAMPLING
                + " and exported to an OTLP sink that answers, as in production");
        tee.println("- apps' JVMs as in the production overlay (default JIT; options, memory limit as -XX:MaxRAM, "
                + "the collector that memory selects): " + AppLaunch.PRODUCTION);
        tee.println("- echo servers and load client: -Xmx1g (JVM defaults otherwise)");
        String sanctionsArguments = System.getProperty("fd.sanctionsArguments", "").trim();
        if (!sanctionsArguments.isEmpty()) { // beyond the trace sampling every app gets
            tee.println("- sanctions-service started with the setting measured: " + sanctionsArguments);
        }
        tee.println();

        long t0 = System.nanoTime();
        try (TraceSink traces = TraceSink.start(config.tracesEndpoint().orElseThrow());
                PlatformStack stack = new PlatformStack(config, launch)) {
            stack.start();
            tee.printf(Locale.ROOT, "Stack started in %.0f s (ports of the test stack, offset %s).%n%n",
                    (System.nanoTime() - t0) / 1e9, System.getenv().getOrDefault(StackConfig.TEST_PORT_OFFSET_ENV, "0"));
            int echoGrpc = config.app("gateway").grpcPort() + 20;
            int echoHttp = config.app("gateway").httpPort() + 20;
            Process echo = java(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"),
                    EchoServers.class.getName(), Integer.toString(echoGrpc), Integer.toString(echoHttp)),
                    logs.resolve("echo.log"));
            try {
                awaitLine(logs.resolve("echo.log"), "echo servers ready", echo);
                Map<String, ProcessHandle> processes = new LinkedHashMap<>();
                for (StackConfig.AppConfig app : config.apps()) {
                    stack.appProcess(app.name()).ifPresent(p -> processes.put(app.name(), p));
                }
                MemorySampler memory = new MemorySampler(processes);
                memory.start();
                if (plan.equals("stack")) {
                    // for profiling by hand: the platform stays up until this process is stopped
                    tee.println("stack up: gateway " + config.gatewayUrl() + " gRPC " + config.app("gateway").grpcPort()
                            + ", sanctions http " + config.app("sanctions-service").httpPort() + " gRPC "
                            + config.app("sanctions-service").grpcPort() + ", echo gRPC " + echoGrpc + " HTTP " + echoHttp
                            + ", token " + config.tokenUri());
                    processes.forEach((name, p) -> tee.println("  " + name + " pid " + p.pid()));
                    new java.util.concurrent.CountDownLatch(1).await();
                }
                tee.println("- load average when the load started: " + RunReport.loadAverage());
                tee.println();
                List<String> client = new ArrayList<>(List.of("-Xmx1g",
                        "-Dfd.plan=" + plan,
                        "-Dfd.tokenUri=" + config.tokenUri(),
                        "-Dfd.echoGrpc=127.0.0.1:" + echoGrpc,
                        "-Dfd.echoHttp=http://127.0.0.1:" + echoHttp,
                        "-Dfd.directGrpc=127.0.0.1:" + config.app("sanctions-service").grpcPort(),
                        "-Dfd.directHttp=http://127.0.0.1:" + config.app("sanctions-service").httpPort(),
                        "-Dfd.gatewayGrpc=127.0.0.1:" + config.app("gateway").grpcPort(),
                        "-Dfd.gatewayHttp=http://127.0.0.1:" + config.app("gateway").httpPort()));
                if (plan.equals("soak") && args.length > 1) {
                    client.add("-Dfd.soakMinutes=" + args[1]);
                }
                System.getProperties().forEach((k, v) -> {
                    if (k.toString().startsWith("fd.") && !k.toString().equals("fd.plan")) {
                        client.add("-D" + k + "=" + v);
                    }
                });
                client.addAll(List.of("-cp", System.getProperty("java.class.path"), FrontDoorLoad.class.getName()));
                runClient(client, tee, stack, out, stamp);
                memory.stop();
                tee.println("- load average at the end: " + RunReport.loadAverage());
                tee.printf(Locale.ROOT, "- traces exported: %d requests, %.1f MB%n", traces.exports(), traces.bytes() / 1e6);
                tee.println();
                breakerReport(logs.resolve("gateway.log"), tee);
                memoryReport(config, logs, memory, tee);
            } finally {
                echo.destroy();
                echo.waitFor(10, TimeUnit.SECONDS);
            }
        }
        report.close();
        System.out.println();
        System.out.println("report: " + reportFile);
    }

    private static void runClient(List<String> args, Tee tee, PlatformStack stack, Path out, String stamp)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(args);
        Process client = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String[]> recordings = new ArrayList<>(); // label, file
        long recording = -1;
        Path jfr = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("@@profile begin ")) {
                    String[] parts = line.substring("@@profile begin ".length()).split(" ", 2);
                    recording = stack.appProcess(parts[0]).map(ProcessHandle::pid).orElse(-1L);
                    jfr = out.resolve(parts[0] + "-" + parts[1].replaceAll("\\W+", "-") + "-" + stamp + ".jfr");
                    recordings.add(new String[] {parts[0] + " under " + parts[1], jfr.toString()});
                    jcmd(recording, "JFR.start", "name=frontdoor", "settings=profile");
                } else if (line.equals("@@profile end")) {
                    jcmd(recording, "JFR.dump", "name=frontdoor", "filename=" + jfr);
                    jcmd(recording, "JFR.stop", "name=frontdoor");
                } else {
                    tee.println(line);
                }
            }
        }
        int rc = client.waitFor();
        if (rc != 0) {
            tee.println("(load client exited with " + rc + ")");
        }
        for (String[] r : recordings) {
            if (Files.exists(Path.of(r[1]))) {
                profileReport(Path.of(r[1]), r[0], tee);
            }
        }
    }

    private static void jcmd(long pid, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.add(Long.toString(pid));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor(60, TimeUnit.SECONDS);
    }

    // ------------------------------------------------------------------ profile

    /**
     * The recording's CPU samples ({@code jdk.ExecutionSample}): the top frames by own samples and by
     * samples below them (inclusive), and a folded-stacks file next to it for a flame graph
     * ({@code flamegraph.pl} or speedscope read it).
     */
    static void profileReport(Path jfr, String what, Tee tee) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> folded = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        int total = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace st = e.getStackTrace();
            if (st == null || st.getFrames().isEmpty()) {
                continue;
            }
            total++;
            String thread = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
            threads.merge(thread == null ? "?" : thread.replaceAll("[-#]?\\d+", "-N"), 1, Integer::sum);
            List<RecordedFrame> frames = st.getFrames();
            self.merge(frame(frames.get(0)), 1, Integer::sum);
            java.util.Set<String> seen = new java.util.HashSet<>();
            StringBuilder stack = new StringBuilder();
            for (int i = frames.size() - 1; i >= 0; i--) {
                String f = frame(frames.get(i));
                if (seen.add(f)) {
                    inclusive.merge(f, 1, Integer::sum);
                }
                stack.append(stack.isEmpty() ? "" : ";").append(f);
            }
            folded.merge(stack.toString(), 1, Integer::sum);
        }
        Path foldedFile = jfr.resolveSibling(jfr.getFileName().toString().replace(".jfr", ".folded"));
        try (PrintStream f = new PrintStream(Files.newOutputStream(foldedFile), false, StandardCharsets.UTF_8)) {
            folded.forEach((k, v) -> f.println(k + " " + v));
        }
        tee.println();
        tee.printf(Locale.ROOT, "#### Profile of %s (JFR, %d CPU samples; %s)%n%n",
                what, total, foldedFile.getFileName() + " holds the folded stacks");
        tee.println("By thread: " + top(threads, total, 8));
        tee.println();
        tee.println("Top frames by own samples:");
        tee.println();
        tee.println("| share | frame |");
        tee.println("|---:|---|");
        topRows(self, total, 25, tee);
        tee.println();
        tee.println("Top frames by samples at or below them (inclusive), platform code and its libraries:");
        tee.println();
        tee.println("| share | frame |");
        tee.println("|---:|---|");
        Map<String, Integer> interesting = new HashMap<>();
        inclusive.forEach((k, v) -> {
            if (!k.startsWith("java.lang.Thread.") && !k.startsWith("java.util.concurrent.ThreadPoolExecutor")
                    && !k.contains("FastThreadLocalRunnable") && !k.contains("SingleThreadEventExecutor")
                    && !k.contains("NioIoHandler.run") && !k.contains("ThreadExecutorMap")) {
                interesting.put(k, v);
            }
        });
        topRows(interesting, total, 45, tee);
        tee.println();
    }

    private static String frame(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static String top(Map<String, Integer> counts, int total, int n) {
        StringBuilder b = new StringBuilder();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .forEach(e -> b.append(b.isEmpty() ? "" : ", ").append(e.getKey()).append(' ')
                        .append(String.format(Locale.ROOT, "%.0f %%", 100.0 * e.getValue() / total)));
        return b.toString();
    }

    private static void topRows(Map<String, Integer> counts, int total, int n, Tee tee) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .forEach(e -> tee.printf(Locale.ROOT, "| %.1f %% | `%s` |%n", 100.0 * e.getValue() / total, e.getKey()));
    }

    // ------------------------------------------------------------------ breaker

    /** Every breaker state change the gateway logged (it logs each one at WARN, logger ...traffic). */
    private static void breakerReport(Path gatewayLog, Tee tee) throws IOException {
        List<String> transitions = new ArrayList<>();
        if (Files.exists(gatewayLog)) {
            for (String line : Files.readAllLines(gatewayLog, StandardCharsets.UTF_8)) {
                if (line.contains("circuit breaker") && (line.contains("OPEN") || line.contains("CLOSED"))) {
                    transitions.add(line.length() > 220 ? line.substring(0, 220) : line);
                }
            }
        }
        tee.println("Circuit breaker state changes in the gateway's log: " + (transitions.isEmpty() ? "**none**"
                : transitions.size()));
        transitions.stream().limit(20).forEach(t -> tee.println("    " + t));
        tee.println();
    }

    // ------------------------------------------------------------------ memory

    /** RSS of every app every 30 s. */
    private static final class MemorySampler {
        private final Map<String, ProcessHandle> processes;
        private final Map<String, List<long[]>> rss = new LinkedHashMap<>();
        private final long start = System.nanoTime();
        private volatile boolean running = true;
        private Thread thread;

        MemorySampler(Map<String, ProcessHandle> processes) {
            this.processes = processes;
            processes.keySet().forEach(k -> rss.put(k, new ArrayList<>()));
        }

        void start() {
            thread = Thread.ofPlatform().daemon().name("memory-sampler").start(() -> {
                while (running) {
                    sample();
                    try {
                        Thread.sleep(30_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        synchronized void sample() {
            long t = (System.nanoTime() - start) / 1_000_000_000L;
            processes.forEach((name, p) -> {
                long kb = rssKb(p.pid());
                if (kb > 0) {
                    rss.get(name).add(new long[] {t, kb});
                }
            });
        }

        void stop() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join();
            sample();
        }
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static void memoryReport(StackConfig config, Path logs, MemorySampler memory, Tee tee) throws IOException {
        tee.println("#### Memory of each app during the load");
        tee.println();
        tee.println("Heap after each GC (from `-Xlog:gc`), first and last fifth of the load: lowest / highest; "
                + "RSS at the first and last sample; full GCs.");
        tee.println();
        tee.println("| app | heap after GC, first fifth | heap after GC, last fifth | RSS first → last | GCs | full GCs |");
        tee.println("|---|---|---|---|---:|---:|");
        for (StackConfig.AppConfig app : config.apps()) {
            List<long[]> samples = memory.rss.get(app.name());
            List<double[]> gcs = new ArrayList<>();
            int full = 0;
            Path gcLog = logs.resolve(app.name() + "-gc.log");
            if (Files.exists(gcLog)) {
                for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
                    Matcher m = GC_LINE.matcher(line);
                    if (m.find()) {
                        gcs.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(4))});
                        if (m.group(2).startsWith("Pause Full")) {
                            full++;
                        }
                    }
                }
            }
            String first = "—";
            String last = "—";
            if (samples != null && samples.size() >= 2 && !gcs.isEmpty()) {
                // the load's span on the GC log's clock: the GC log counts from the JVM's start; use the
                // last fifth and first fifth of the GCs that happened while the sampler ran
                double end = gcs.get(gcs.size() - 1)[0];
                double span = samples.get(samples.size() - 1)[0];
                double begin = end - span;
                List<double[]> during = gcs.stream().filter(g -> g[0] >= begin).toList();
                if (!during.isEmpty()) {
                    double fifth = span / 5;
                    first = range(during.stream().filter(g -> g[0] < begin + fifth).toList());
                    last = range(during.stream().filter(g -> g[0] >= end - fifth).toList());
                }
            }
            String rss = samples == null || samples.isEmpty() ? "—"
                    : String.format(Locale.ROOT, "%d → %d MB", samples.get(0)[1] / 1024,
                            samples.get(samples.size() - 1)[1] / 1024);
            tee.printf(Locale.ROOT, "| %s | %s | %s | %s | %d | %d |%n", app.name(), first, last, rss, gcs.size(), full);
        }
        tee.println();
    }

    private static String range(List<double[]> gcs) {
        if (gcs.isEmpty()) {
            return "no GC";
        }
        double min = gcs.stream().mapToDouble(g -> g[1]).min().orElse(0);
        double max = gcs.stream().mapToDouble(g -> g[1]).max().orElse(0);
        return String.format(Locale.ROOT, "%.0f / %.0f MB (%d GCs)", min, max, gcs.size());
    }

    // ------------------------------------------------------------------ helpers

    private static Process java(List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitLine(Path log, String text, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("echo servers exited: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("echo servers not ready within 60 s; see " + log);
    }
}
