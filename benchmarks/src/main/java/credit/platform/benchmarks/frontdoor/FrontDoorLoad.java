package credit.platform.benchmarks.frontdoor;

import credit.platform.client.IdentifierDto;
import credit.platform.client.PlatformClient;
import credit.platform.client.PlatformClientProperties;
import credit.platform.client.PlatformClients;
import credit.platform.client.lists.CreateRecordRequest;
import credit.platform.client.lists.SubjectNameDto;
import credit.platform.client.registry.CreateSubjectRequest;
import credit.platform.client.registry.SubjectView;
import credit.platform.identifiers.SyntheticIdentifiers;
import credit.sanctions.v1.BatchCheckTravelResponse;
import credit.sanctions.v1.TravelCheckServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPOutputStream;

/**
 * The load client of the front-door harness, one process, the same client for every target: echo,
 * straight to sanctions, and through the gateway, over REST and gRPC. Started by {@link FrontDoorRun}
 * (which starts the platform and the echo servers); prints a Markdown report on standard output.
 *
 * <p>Endpoints and the plan come as system properties ({@code fd.*}, see {@link FrontDoorRun}). Plans:
 * <ul>
 *   <li>{@code full} — warm-up; closed loops at concurrency 1, 16, 64 for every target; direct gRPC (and
 *       echo) open loop at 70 % of its maximum; overload through the gateway at 4× its sustainable rate
 *       for 60 s (REST and gRPC) and the call after it; 10 000-passenger batches.</li>
 *   <li>{@code profile} — warm-up, then at concurrency 64 for {@code fd.profileSeconds} each: REST and gRPC
 *       through the gateway (the gateway recorded), direct gRPC (sanctions recorded); prints
 *       {@code @@profile begin <app> <label>} / {@code @@profile end} so the runner records meanwhile.</li>
 *   <li>{@code soak} — {@code fd.soakMinutes} of mixed traffic through the gateway: single checks (REST and
 *       gRPC), batches, registrations, listings, reads; a line every 5 minutes.</li>
 * </ul>
 */
public final class FrontDoorLoad {

    private static final PrintStream out = System.out;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Tokens airline;
    /** The service identity's token, which the gateway relays beside the caller's: the direct path sends it too. */
    private final Tokens relay;
    private final Passengers passengers = new Passengers(1000, 20261127);
    private final double seconds = Double.parseDouble(System.getProperty("fd.seconds", "10"));
    /** Which protocols the full and profile plans measure (fd.protocols=REST for a shorter run of the REST rows only). */
    private final List<String> protocols = List.of(System.getProperty("fd.protocols", "gRPC,REST").split(","));
    private final Map<String, Double> maxima = new LinkedHashMap<>();

    private FrontDoorLoad() {
        airline = new Tokens(prop("fd.tokenUri"), System.getProperty("fd.client", "airline-demo"));
        relay = new Tokens(prop("fd.tokenUri"), System.getProperty("fd.relayClient", "credit-services"));
    }

    public static void main(String[] args) throws Exception {
        FrontDoorLoad load = new FrontDoorLoad();
        String plan = System.getProperty("fd.plan", "full");
        out.printf("client JVM: %s, %d processors visible%n%n", ManagementFactory.getRuntimeMXBean().getInputArguments(),
                Runtime.getRuntime().availableProcessors());
        switch (plan) {
            case "full" -> load.full();
            case "profile" -> load.profile();
            case "soak" -> load.soak();
            default -> throw new IllegalArgumentException("fd.plan must be full, profile or soak: " + plan);
        }
        load.airline.close();
        load.relay.close();
        out.flush();
        System.exit(0);
    }

    private static String prop(String name) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("system property " + name + " is required");
        }
        return v;
    }

    // ------------------------------------------------------------------ targets

    private record Targets(List<Load.Target> grpc, List<Load.Target> rest) {
        List<Load.Target> of(String protocol) {
            return protocol.equals("gRPC") ? grpc : rest;
        }
    }

    private Targets targets(int maxConnections) {
        String[] echoGrpc = hostPort(prop("fd.echoGrpc"));
        String[] directGrpc = hostPort(prop("fd.directGrpc"));
        String[] gatewayGrpc = hostPort(prop("fd.gatewayGrpc"));
        List<Load.Target> grpc = List.of(
                new GrpcTravelTarget("echo", echoGrpc[0], Integer.parseInt(echoGrpc[1]), null, null, passengers),
                new GrpcTravelTarget("direct", directGrpc[0], Integer.parseInt(directGrpc[1]), airline::bearer,
                        relay::bearer, passengers),
                new GrpcTravelTarget("gateway", gatewayGrpc[0], Integer.parseInt(gatewayGrpc[1]), airline::bearer,
                        null, passengers));
        String path = "/api/v1/travel-checks";
        List<Load.Target> rest = List.of(
                new RestTravelTarget("echo", prop("fd.echoHttp"), path, null, null, passengers, maxConnections),
                new RestTravelTarget("direct", prop("fd.directHttp"), path, airline::bearer, relay::bearer, passengers,
                        maxConnections),
                new RestTravelTarget("gateway", prop("fd.gatewayHttp"), path, airline::bearer, null, passengers,
                        maxConnections));
        return new Targets(grpc, rest);
    }

    private static String[] hostPort(String s) {
        int colon = s.lastIndexOf(':');
        return new String[] {s.substring(0, colon), s.substring(colon + 1)};
    }

    // ------------------------------------------------------------------ full

    private void full() throws Exception {
        Targets targets = targets(4096);
        double warmup = Double.parseDouble(System.getProperty("fd.warmupSeconds", "20"));
        out.printf("### Warm-up: every target at concurrency 16 for %.0f s (not recorded)%n%n", warmup);
        for (String protocol : protocols) {
            for (Load.Target t : targets.of(protocol)) {
                Load.Stats s = Load.closed(t, 16, 0, warmup);
                out.printf("- %s %s: %,.0f/s, errors %d %s%n", protocol, t.name(), s.okRate(), s.count(Load.Kind.ERROR),
                        s.count(Load.Kind.ERROR) > 0 ? s.statuses() : "");
            }
        }
        out.println();

        out.printf("### Closed loop: echo, direct and through the gateway, same client, %.0f s each (after 2 s)%n%n",
                seconds);
        out.println("| protocol | concurrency | target | answered/s | p50 ms | p99 ms | of direct | p50 added | errors |");
        out.println("|---|---:|---|---:|---:|---:|---:|---:|---|");
        Map<String, Load.Stats> results = new LinkedHashMap<>();
        for (int c : new int[] {1, 16, 64}) {
            for (String protocol : protocols) {
                for (Load.Target t : targets.of(protocol)) {
                    Load.Stats s = Load.closed(t, c, 2, seconds);
                    results.put(protocol + "/" + c + "/" + t.name(), s);
                    maxima.merge(protocol + "/" + t.name(), s.okRate(), Math::max);
                }
                Load.Stats direct = results.get(protocol + "/" + c + "/direct");
                for (Load.Target t : targets.of(protocol)) {
                    Load.Stats s = results.get(protocol + "/" + c + "/" + t.name());
                    boolean gw = t.name().equals("gateway");
                    out.printf(Locale.ROOT, "| %s | %d | %s | %,.0f | %.2f | %.2f | %s | %s | %s |%n", protocol, c, t.name(),
                            s.okRate(), Load.ms(s.ok, 50), Load.ms(s.ok, 99),
                            t.name().equals("echo") ? "" : String.format(Locale.ROOT, "%.2f", s.okRate() / direct.okRate()),
                            gw ? String.format(Locale.ROOT, "%+.2f ms", Load.ms(s.ok, 50) - Load.ms(direct.ok, 50)) : "",
                            s.count(Load.Kind.OK) == s.byStatus.values().stream().mapToLong(LongAdder::sum).sum()
                                    ? "0" : nonOk(s));
                }
                out.flush();
            }
        }
        out.println();
        if (!protocols.contains("gRPC")) {
            out.println("(fd.protocols=" + String.join(",", protocols) + ": gRPC not measured in this run)");
            out.println();
            overload(targets);
            batches();
            return;
        }
        Load.Stats echo64 = results.get("gRPC/64/echo");
        Load.Stats direct64 = results.get("gRPC/64/direct");
        out.printf(Locale.ROOT, "Direct gRPC travel check at concurrency 64: %,.0f/s = **%.0f %% of the echo** (%,.0f/s).%n%n",
                direct64.okRate(), 100 * direct64.okRate() / echo64.okRate(), echo64.okRate());

        out.println("### Open loop at 70 % of the maximum (latency from the intended send time), 20 s");
        out.println();
        out.println("| target | rate | answered/s | p50 ms | p99 ms | p99.9 ms | max ms |");
        out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Load.Target t : List.of(targets.grpc.get(0), targets.grpc.get(1))) {
            double rate = 0.7 * maxima.get("gRPC/" + t.name());
            Load.closed(t, 16, 3, 0.001);
            Load.Stats s = Load.open(t, rate, 20, 8192);
            out.printf(Locale.ROOT, "| gRPC %s | %,.0f/s | %,.0f | %.2f | %.2f | %.2f | %.1f |%n", t.name(), rate, s.okRate(),
                    Load.ms(s.ok, 50), Load.ms(s.ok, 99), Load.ms(s.ok, 99.9), Load.ms(s.ok, 100));
        }
        // the same client and machine at the direct path's rate against an empty server: what of direct's p99 is
        // the client's and the shared cores' own
        Load.Target echo = targets.grpc.get(0);
        double directRate = 0.7 * maxima.get("gRPC/direct");
        Load.Stats e = Load.open(echo, directRate, 20, 8192);
        out.printf(Locale.ROOT, "| gRPC echo at direct's rate | %,.0f/s | %,.0f | %.2f | %.2f | %.2f | %.1f |%n", directRate,
                e.okRate(), Load.ms(e.ok, 50), Load.ms(e.ok, 99), Load.ms(e.ok, 99.9), Load.ms(e.ok, 100));
        out.println();
        overload(targets);
        batches();
    }

    private static String nonOk(Load.Stats s) {
        StringBuilder b = new StringBuilder();
        s.statuses().forEach((status, n) -> {
            if (!status.equals("OK") && !status.startsWith("2")) {
                b.append(b.isEmpty() ? "" : ", ").append(n).append(" × ").append(status);
            }
        });
        return b.isEmpty() ? "0" : b.toString();
    }

    private void overload(Targets targets) throws Exception {
        double overloadSeconds = Double.parseDouble(System.getProperty("fd.overloadSeconds", "60"));
        if (overloadSeconds <= 0) {
            out.println("(fd.overloadSeconds=0: overload not measured in this run)");
            out.println();
            return;
        }
        out.printf("### Overload: 4× the sustainable rate through the gateway for %.0f s%n%n", overloadSeconds);
        out.println("Sustainable rate = the gateway's best closed-loop rate above. Goodput = answered travel checks "
                + "per second (whole run, and the worst 10 s window). Rejections measured from the intended send time "
                + "(and from the actual send, in brackets).");
        out.println();
        out.println("| protocol | sustainable | offered | sent/s | goodput/s | of sustainable | worst 10 s | rejected | rejection p50 / p99 ms | errors | answers | next call after |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---|---|---|---|");
        List<String> bounds = new ArrayList<>();
        for (String protocol : protocols) {
            Load.Target gateway = targets.of(protocol).get(2);
            double sustainable = maxima.get(protocol + "/gateway");
            double offered = 4 * sustainable;
            Load.Stats s = Load.open(gateway, offered, overloadSeconds, 4096);
            Thread.sleep(1000);
            String[] next = new String[1];
            long t0 = System.nanoTime();
            java.util.concurrent.CountDownLatch one = new java.util.concurrent.CountDownLatch(1);
            gateway.call(0, (status, kind) -> {
                next[0] = status;
                one.countDown();
            });
            one.await(30, TimeUnit.SECONDS);
            double nextMs = (System.nanoTime() - t0) / 1e6;
            out.printf(Locale.ROOT, "| %s | %,.0f/s | %,.0f/s | %,.0f | %,.0f | %.0f %% | %,.0f | %,d | %.2f / %.2f (%.2f / %.2f) | %s | %s | %s in %.1f ms |%n",
                    protocol, sustainable, offered, s.sent / s.seconds, s.okRate(), 100 * s.okRate() / sustainable,
                    s.minWindowRate(10), s.count(Load.Kind.REJECTED), Load.ms(s.rejected, 50), Load.ms(s.rejected, 99),
                    Load.ms(s.rejectedFromSend, 50), Load.ms(s.rejectedFromSend, 99),
                    s.count(Load.Kind.ERROR), s.statuses() + (s.notSent.sum() > 0 ? ", not sent (client behind): "
                            + s.notSent.sum() : ""), next[0], nextMs);
            out.flush();
            bounds.add(overloadBound(protocol, sustainable, s));
        }
        out.println();
        out.println("What two shared cores allow (an estimate from this run's figures, not a measurement):");
        out.println();
        bounds.forEach(out::println);
        out.println();
    }

    /**
     * The most goodput the machine could give at 4× offered if every refusal cost it no more than one echo call
     * (the client sends and reads a call, the server reads and answers it): with E the echo's best rate (the cores
     * spent per echo call = cores / E) and S the sustainable rate (cores / S per answered check), answering g checks
     * and refusing 4S − g needs g·cores/S + (4S − g)·cores/E ≤ cores, so g/S ≤ (1 − 4S/E) / (1 − S/E). Also what
     * each refusal cost in this run, in echo calls, assuming the cores were busy throughout:
     * (1 − goodput/S) · E / refusals per second. Both rest on the cores being busy at the rate S; a run whose
     * goodput under overload exceeds the bound refutes that, and then no estimate is given.
     */
    private String overloadBound(String protocol, double sustainable, Load.Stats s) {
        double echo = maxima.getOrDefault(protocol + "/echo", 0.0);
        if (echo <= 0) {
            return "- " + protocol + ": no echo figure in this run.";
        }
        double x = sustainable / echo;
        double rejectedPerSecond = s.count(Load.Kind.REJECTED) / s.seconds;
        double boundShare = (1 - 4 * x) / (1 - x);
        if (4 * x < 1 && s.okRate() > boundShare * sustainable) {
            // the model says goodput ≤ bound; a run above it refutes the premise that the cores were busy at S
            return String.format(Locale.ROOT, "- %s: no estimate — the model (cores busy at the sustainable rate, each "
                    + "refusal at least an echo call) caps goodput at %.0f %% of sustainable, and this run answered "
                    + "%.0f %%: its closed-loop best of %,.0f/s was not set by the cores (e.g. by admission's "
                    + "concurrency limit or collection pauses instead), so the model does not apply to it.",
                    protocol, 100 * boundShare, 100 * s.okRate() / sustainable, sustainable);
        }
        String bound = 4 * x >= 1
                ? String.format(Locale.ROOT, "4× is %,.0f/s, more than the %,.0f/s this client can send to and read "
                        + "from an empty server here: this overload cannot be offered with the client on these cores", 4 * sustainable, echo)
                : String.format(Locale.ROOT, "if each refusal cost no more than an echo call, goodput could be at most "
                        + "(1 − 4x) / (1 − x) = **%.0f %%** of sustainable", 100 * boundShare);
        String cost = rejectedPerSecond > 0
                ? String.format(Locale.ROOT, "; in this run each refusal cost about **%.1f echo calls**",
                        (1 - s.okRate() / sustainable) * echo / rejectedPerSecond)
                : "";
        return String.format(Locale.ROOT, "- %s: echo %,.0f/s, sustainable %,.0f/s, x = %.3f of the echo; %s%s.",
                protocol, echo, sustainable, x, bound, cost);
    }

    // ------------------------------------------------------------------ batches

    private void batches() throws Exception {
        int size = Integer.parseInt(System.getProperty("fd.batchSize", "10000"));
        if (size <= 0) {
            out.println("(fd.batchSize=0: batches not measured in this run)");
            return;
        }
        out.printf("### A whole train: %,d passengers in one batch (3 runs each, after one unrecorded)%n%n", size);
        out.println("| path | request | answer | first byte ms (median) | complete ms (min / median / max) | status |");
        out.println("|---|---:|---:|---:|---|---|");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (boolean selfContained : new boolean[] {true, false}) {
            byte[] json = passengers.batchJson(size, selfContained).getBytes(StandardCharsets.UTF_8);
            byte[] gzip = gzip(json);
            String form = selfContained ? "self-contained receipts" : "compact proofs";
            restBatch(http, "REST direct, " + form, prop("fd.directHttp"), json, false);
            restBatch(http, "REST gateway, " + form, prop("fd.gatewayHttp"), json, false);
            restBatch(http, "REST gateway, " + form + ", gzip request", prop("fd.gatewayHttp"), gzip, true);
        }
        if (protocols.contains("gRPC")) {
            grpcBatch("gRPC direct, compact proofs", prop("fd.directGrpc"), size);
            grpcBatch("gRPC gateway, compact proofs", prop("fd.gatewayGrpc"), size);
        }
        out.println();
    }

    private void restBatch(HttpClient http, String name, String base, byte[] body, boolean gzip) throws Exception {
        List<Double> firstByte = new ArrayList<>();
        List<Double> complete = new ArrayList<>();
        String status = "";
        long answerBytes = 0;
        for (int run = 0; run < 4; run++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/travel-checks/batch"))
                    .timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/json").header("Authorization", airline.bearer())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (gzip) {
                request.header("Content-Encoding", "gzip");
            }
            if (base.equals(System.getProperty("fd.directHttp"))) {
                request.header("X-Credit-Gateway", relay.bearer()); // as the gateway relays it
            }
            long t0 = System.nanoTime();
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            long headers = System.nanoTime();
            long n = 0;
            try (InputStream in = response.body()) {
                byte[] buf = new byte[65536];
                int r = in.read(buf);
                if (r > 0) {
                    headers = Math.max(headers, System.nanoTime());
                    n += r;
                }
                while ((r = in.read(buf)) > 0) {
                    n += r;
                }
            }
            long done = System.nanoTime();
            status = Integer.toString(response.statusCode());
            answerBytes = n;
            if (run > 0) {
                firstByte.add((headers - t0) / 1e6);
                complete.add((done - t0) / 1e6);
            }
        }
        printBatch(name, body.length, answerBytes, firstByte, complete, status);
    }

    private void grpcBatch(String name, String target, int size) {
        String[] hp = hostPort(target);
        ManagedChannel channel = NettyChannelBuilder.forAddress(hp[0], Integer.parseInt(hp[1])).usePlaintext()
                .maxInboundMessageSize(256 * 1024 * 1024).build();
        var request = passengers.grpcBatch(size, false);
        List<Double> complete = new ArrayList<>();
        String status = "OK";
        long answerBytes = 0;
        try {
            for (int run = 0; run < 4; run++) {
                var stub = TravelCheckServiceGrpc.newBlockingStub(channel)
                        .withInterceptors(io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(
                                authHeaders(target.equals(System.getProperty("fd.directGrpc")))))
                        .withDeadlineAfter(120, TimeUnit.SECONDS);
                long t0 = System.nanoTime();
                try {
                    BatchCheckTravelResponse answer = stub.batchCheckTravel(request);
                    answerBytes = answer.getSerializedSize();
                    status = "OK, " + answer.getResultsCount() + " results";
                } catch (StatusRuntimeException e) {
                    status = e.getStatus().getCode() + " " + e.getStatus().getDescription();
                }
                if (run > 0) {
                    complete.add((System.nanoTime() - t0) / 1e6);
                }
            }
        } finally {
            channel.shutdownNow();
        }
        printBatch(name, request.getSerializedSize(), answerBytes, List.of(), complete, status);
    }

    private io.grpc.Metadata authHeaders(boolean direct) {
        io.grpc.Metadata headers = new io.grpc.Metadata();
        headers.put(GrpcTravelTarget.AUTHORIZATION, airline.bearer());
        if (direct) {
            headers.put(GrpcTravelTarget.RELAY, relay.bearer()); // as the gateway relays it
        }
        return headers;
    }

    private static void printBatch(String name, long requestBytes, long answerBytes, List<Double> firstByte,
            List<Double> complete, String status) {
        double[] c = complete.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] f = firstByte.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        out.printf(Locale.ROOT, "| %s | %s | %s | %s | %.0f / %.0f / %.0f | %s |%n", name, bytes(requestBytes), bytes(answerBytes),
                f.length == 0 ? "—" : String.format(Locale.ROOT, "%.0f", f[f.length / 2]), c[0], c[c.length / 2],
                c[c.length - 1], status);
        out.flush();
    }

    private static String bytes(long n) {
        return n >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MB", n / 1048576.0)
                : String.format(Locale.ROOT, "%.0f KB", n / 1024.0);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }

    // ------------------------------------------------------------------ profile

    /**
     * Three recordings, each of the process whose CPU decides the figure: the gateway under REST load,
     * the gateway under gRPC load, sanctions under direct gRPC load (concurrency 64 each, after a
     * warm-up). The runner starts and stops the recording on {@code @@profile begin <app> <label>} and
     * {@code @@profile end}.
     */
    private void profile() throws Exception {
        Targets targets = targets(256);
        double profileSeconds = Double.parseDouble(System.getProperty("fd.profileSeconds", "30"));
        boolean grpc = protocols.contains("gRPC");
        for (Load.Target t : grpc ? List.of(targets.grpc.get(0), targets.grpc.get(1), targets.grpc.get(2),
                targets.rest.get(1), targets.rest.get(2)) : List.of(targets.rest.get(1), targets.rest.get(2))) {
            Load.closed(t, 16, 0, 15);
        }
        record("gateway", "REST through the gateway", targets.rest.get(2), profileSeconds);
        if (!grpc) {
            return; // fd.protocols=REST: the gateway under REST load only
        }
        record("gateway", "gRPC through the gateway", targets.grpc.get(2), profileSeconds);
        record("sanctions-service", "direct gRPC", targets.grpc.get(1), profileSeconds);
        Load.Stats e = Load.closed(targets.grpc.get(0), 64, 2, seconds);
        out.printf(Locale.ROOT, "gRPC echo right after, concurrency 64: %,.0f/s%n%n", e.okRate());
    }

    private void record(String app, String label, Load.Target target, double profileSeconds) throws Exception {
        out.println("@@profile begin " + app + " " + label);
        out.flush();
        Thread.sleep(1000);
        Load.Stats s = Load.closed(target, 64, 0, profileSeconds);
        out.println("@@profile end");
        out.flush();
        out.printf(Locale.ROOT, "%s, concurrency 64, %.0f s while %s was recorded: %,.0f/s, p50 %.2f ms, p99 %.2f ms, "
                + "errors %s%n%n", label, profileSeconds, app, s.okRate(), Load.ms(s.ok, 50), Load.ms(s.ok, 99), nonOk(s));
    }

    // ------------------------------------------------------------------ soak

    private void soak() throws Exception {
        double minutes = Double.parseDouble(System.getProperty("fd.soakMinutes", "30"));
        double grpcRate = Double.parseDouble(System.getProperty("fd.soakGrpcRate", "400"));
        double restRate = Double.parseDouble(System.getProperty("fd.soakRestRate", "200"));
        Targets targets = targets(512);
        Load.Target grpcGateway = targets.grpc.get(2);
        Load.Target restGateway = targets.rest.get(2);
        Load.closed(grpcGateway, 8, 0, 10);
        Load.closed(restGateway, 8, 0, 10);
        String gateway = prop("fd.gatewayHttp");
        String tokenUri = prop("fd.tokenUri");
        PlatformClient registrar = client(gateway, tokenUri, "registrar-demo");
        PlatformClient court = client(gateway, tokenUri, "court-demo");
        PlatformClient rail = client(gateway, tokenUri, "rail-demo");
        long end = System.nanoTime() + (long) (minutes * 60e9);
        out.printf("### Soak: %.0f minutes of mixed traffic through the gateway%n%n", minutes);
        out.printf("Single checks gRPC %.0f/s and REST %.0f/s (open loop), a 1 000-passenger REST batch every 10 s, "
                + "a registration every second (every 5th person then listed by the court, and checked until DENY), "
                + "three person-data reads a second (subject, records of subject, list page).%n%n", grpcRate, restRate);
        out.println("| minute | gRPC answered | REST answered | rejected | errors | batches | registrations | listings | reads | mixed errors |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        LongAdder batches = new LongAdder();
        LongAdder registrations = new LongAdder();
        LongAdder listings = new LongAdder();
        LongAdder reads = new LongAdder();
        Map<String, LongAdder> mixedErrors = new java.util.concurrent.ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        Load.Stats[] grpcStats = new Load.Stats[1];
        Load.Stats[] restStats = new Load.Stats[1];
        double soakSeconds = minutes * 60;
        threads.add(Thread.ofPlatform().name("soak-grpc").start(() -> grpcStats[0] = uncheck(
                () -> Load.open(grpcGateway, grpcRate, soakSeconds, 4096))));
        threads.add(Thread.ofPlatform().name("soak-rest").start(() -> restStats[0] = uncheck(
                () -> Load.open(restGateway, restRate, soakSeconds, 4096))));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        byte[] batch = passengers.batchJson(1000, true).getBytes(StandardCharsets.UTF_8);
        threads.add(Thread.ofPlatform().name("soak-batch").start(() -> {
            while (System.nanoTime() < end) {
                try {
                    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/travel-checks/batch"))
                            .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                            .header("Authorization", airline.bearer()).POST(HttpRequest.BodyPublishers.ofByteArray(batch))
                            .build(), HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() == 200) {
                        batches.increment();
                    } else {
                        mixedErrors.computeIfAbsent("batch " + r.statusCode(), k -> new LongAdder()).increment();
                    }
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    mixedErrors.computeIfAbsent("batch " + e.getClass().getSimpleName(), k -> new LongAdder()).increment();
                }
            }
        }));
        threads.add(Thread.ofPlatform().name("soak-mixed").start(() -> {
            SplittableRandom random = new SplittableRandom(42);
            List<String> subjects = new ArrayList<>();
            int i = 0;
            while (System.nanoTime() < end) {
                long tick = System.nanoTime();
                try {
                    String residentId = SyntheticIdentifiers.residentId(random, LocalDate.of(1990, 1, 1));
                    SubjectView subject = registrar.registry().createSubject(new CreateSubjectRequest("PERSON",
                            List.of(new IdentifierDto("RESIDENT_ID", residentId, null)), "测试" + i, null, null));
                    registrations.increment();
                    subjects.add(subject.id());
                    if (i % 5 == 0) {
                        court.lists().createRecord("spc-dishonest-debtors", new CreateRecordRequest(
                                new SubjectNameDto("PERSON", "RESIDENT_ID", residentId, null, "测试" + i),
                                "(2026)京0105执" + (20000 + i) + "号", "有履行能力而拒不履行生效法律文书确定义务",
                                "benchmark: soak", LocalDate.now(CHINA), null));
                        listings.increment();
                        var seat = credit.platform.client.travel.TravelCheck.train("S" + i,
                                credit.platform.client.travel.TravelDocument.residentId(residentId), "G1",
                                "SECOND_CLASS", LocalDate.now(CHINA).plusDays(1));
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                        while (!rail.travel().checkTravel(seat).denied() && System.nanoTime() < deadline) {
                            Thread.sleep(20);
                        }
                    }
                    String someone = subjects.get(random.nextInt(subjects.size()));
                    registrar.registry().getSubject(someone, "DATA_MAINTENANCE");
                    court.lists().recordsOfSubject(someone, "SUPERVISION");
                    court.lists().listRecords("spc-dishonest-debtors", 0, 20, "SUPERVISION");
                    reads.add(3);
                    i++;
                } catch (InterruptedException e) {
                    return;
                } catch (credit.platform.client.PlatformProblemException e) {
                    // by status and problem type: a refusal under load (503 overloaded) is not a failure
                    mixedErrors.computeIfAbsent("mixed " + e.status() + " " + e.type(), k -> new LongAdder()).increment();
                } catch (RuntimeException e) {
                    mixedErrors.computeIfAbsent("mixed " + e.getClass().getSimpleName(), k -> new LongAdder()).increment();
                }
                long left = TimeUnit.SECONDS.toNanos(1) - (System.nanoTime() - tick);
                if (left > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(left);
                }
            }
        }));
        long started = System.nanoTime();
        AtomicLong lastGrpc = new AtomicLong();
        while (System.nanoTime() < end) {
            Thread.sleep(Math.min(TimeUnit.MINUTES.toMillis(5), Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            out.printf(Locale.ROOT, "| %.0f | (running) | | | | %d | %d | %d | %d | %s |%n", (System.nanoTime() - started) / 60e9,
                    batches.sum(), registrations.sum(), listings.sum(), reads.sum(), mixedErrors.isEmpty() ? "0" : mixedErrors);
            out.flush();
            lastGrpc.set(System.nanoTime());
        }
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(90));
        }
        Load.Stats g = grpcStats[0];
        Load.Stats r = restStats[0];
        out.printf(Locale.ROOT, "| %.0f (end) | %,d (%,.0f/s, p50 %.2f, p99 %.2f ms) | %,d (%,.0f/s, p50 %.2f, p99 %.2f ms) | %d | %d | %d | %d | %d | %d | %s |%n",
                minutes, g.count(Load.Kind.OK), g.okRate(), Load.ms(g.ok, 50), Load.ms(g.ok, 99),
                r.count(Load.Kind.OK), r.okRate(), Load.ms(r.ok, 50), Load.ms(r.ok, 99),
                g.count(Load.Kind.REJECTED) + r.count(Load.Kind.REJECTED),
                g.count(Load.Kind.ERROR) + r.count(Load.Kind.ERROR), batches.sum(), registrations.sum(), listings.sum(),
                reads.sum(), mixedErrors.isEmpty() ? "0" : mixedErrors);
        out.println();
        out.println("Statuses: gRPC " + g.statuses() + (g.notSent.sum() > 0 ? " not sent " + g.notSent.sum() : "")
                + "; REST " + r.statuses() + (r.notSent.sum() > 0 ? " not sent " + r.notSent.sum() : ""));
        out.println();
    }

    private interface Body<T> {
        T run() throws Exception;
    }

    private static <T> T uncheck(Body<T> body) {
        try {
            return body.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PlatformClient client(String gateway, String tokenUri, String clientId) {
        return PlatformClients.create(new PlatformClientProperties(gateway, tokenUri, clientId, clientId + "-secret"));
    }
}
