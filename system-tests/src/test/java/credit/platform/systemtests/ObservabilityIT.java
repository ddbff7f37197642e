package credit.platform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import credit.platform.client.travel.TravelCheck;
import credit.platform.client.travel.TravelDocument;
import credit.platform.launcher.StackConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator sees of the running platform: every metric the alerts and the dashboard use is
 * exported by the apps (scraped from their management ports), one trace crosses gateway → service →
 * service, and every log line is a JSON object that names no person.
 */
@ExtendWith(PlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservabilityIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SPC_LIST = "spc-dishonest-debtors";
    /** Labels Prometheus adds from the target, not the app: matchers on them are not checked against the scrape. */
    private static final Set<String> TARGET_LABELS = Set.of("pod", "namespace", "job", "instance", "container", "service");

    /** A person only this class lists: its ID and name must appear in no log line. */
    private final String personId = ResidentIds.withCheckCharacter("31010419770707" + String.format("%03d",
            ThreadLocalRandom.current().nextInt(1000)));
    private final String personName = "观测" + (char) ('甲' + ThreadLocalRandom.current().nextInt(9));
    private final String traceId = HexFormat.of().formatHex(randomBytes(16));

    private TestPlatform platform;

    @BeforeAll
    void trafficEveryMetricNeeds(TestPlatform platform) throws Exception {
        this.platform = platform;
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        // a court lists a person through the gateway, inside a trace the test chose (W3C traceparent):
        // gateway → blacklist-service (REST) → registry-service (gRPC RegisterSubject)
        String body = """
                {"subject":{"kind":"PERSON","scheme":"RESIDENT_ID","value":"%s","name":"%s"},
                 "caseNumber":"(2026)沪0104执%d号","legalGround":"有履行能力而拒不履行生效法律文书确定义务",
                 "facts":"System test: observability","effectiveFrom":"%s"}"""
                .formatted(personId, personName, ThreadLocalRandom.current().nextInt(10_000), today);
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl()
                        + "/api/v1/lists/" + SPC_LIST + "/records"))
                .header("Authorization", "Bearer " + platform.clientCredentialsToken("court-demo"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "observability-" + traceId)
                .header("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        // travel checks (travel_checks_total) and a refusal by the gateway itself (gateway_problems_total)
        platform.clientFor("airline-demo").travel().checkTravel(TravelCheck.flight("PNR-OBS",
                TravelDocument.residentId(ResidentIds.withCheckCharacter("31010419800101123")), "ECONOMY", today.plusDays(1)));
        assertThat(send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/v1/travel-checks"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build())
                .statusCode()).isEqualTo(401);
    }

    @Test
    void everyMetricTheAlertsAndTheDashboardUseIsExportedByTheApps() throws Exception {
        Map<String, Map<String, Set<String>>> used = metricsUsedByMonitoring();
        assertThat(used.values().stream().flatMap(m -> m.keySet().stream()).distinct().toList())
                .as("metrics the alerts and dashboard read").contains("travel_checks_total",
                "enforcement_index_age_seconds", "audit_chain_intact", "lists_applications_overdue",
                "resilience4j_circuitbreaker_state", "gateway_problems_total");
        Map<String, List<String>> missing = new TreeMap<>();
        await("every metric the alerts and dashboard use is exported").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2)).until(() -> {
                    missing.clear();
                    Map<String, Set<Map<String, String>>> exported = scrapeAll();
                    used.forEach((where, metrics) -> metrics.forEach((metric, labels) -> {
                        Set<Map<String, String>> series = exported.get(metric);
                        if (series == null) {
                            missing.computeIfAbsent(metric, k -> new ArrayList<>()).add(where);
                            return;
                        }
                        for (String label : labels) {
                            if (!TARGET_LABELS.contains(label) && series.stream().noneMatch(s -> s.containsKey(label))) {
                                missing.computeIfAbsent(metric + "{" + label + "}", k -> new ArrayList<>()).add(where);
                            }
                        }
                    }));
                    return missing.isEmpty();
                });
        assertThat(missing).as("metric (or label) used but exported by no app → where it is used").isEmpty();
        // backlogs subtract a follower's position from its feed's head: both name the feed alike
        Map<String, Set<Map<String, String>>> exported = scrapeAll();
        Set<String> heads = new TreeSet<>();
        exported.get("feed_head").forEach(series -> heads.add(series.get("feed")));
        Set<String> followed = new TreeSet<>();
        exported.get("scoring_feed_position").forEach(series -> followed.add(series.get("feed")));
        assertThat(followed).as("feeds scoring follows").containsExactlyInAnyOrder("change_log", "subject_changes");
        assertThat(heads).as("feeds whose head is exported").containsAll(followed).contains("grade_changes");
    }

    @Test
    void oneTraceCrossesTheGatewayAndTwoServices(TraceReceiver traces) {
        // the gateway continues the caller's trace, relays it to blacklist-service over HTTP, which relays
        // it to registry-service over gRPC; each exports its spans to the collector (here: the receiver)
        await("spans of trace " + traceId + " from gateway, blacklist-service and registry-service")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> traces.trace(traceId).stream().map(TraceReceiver.Span::service).distinct().toList(),
                        services -> services.containsAll(List.of("gateway", "blacklist-service", "registry-service")));
        List<TraceReceiver.Span> spans = traces.trace(traceId);
        Map<String, TraceReceiver.Span> byId = new HashMap<>();
        spans.forEach(s -> byId.put(s.spanId(), s));
        // registry's server span is the child of blacklist's gRPC client span, which is inside blacklist's server span
        TraceReceiver.Span registryServer = spans.stream()
                .filter(s -> s.service().equals("registry-service") && s.kind().equals("SPAN_KIND_SERVER")).findFirst()
                .orElseThrow(() -> new AssertionError("no server span at registry-service: " + spans));
        TraceReceiver.Span grpcClient = byId.get(registryServer.parentSpanId());
        assertThat(grpcClient).as("parent of %s", registryServer).isNotNull();
        assertThat(grpcClient.service()).isEqualTo("blacklist-service");
        assertThat(grpcClient.kind()).isEqualTo("SPAN_KIND_CLIENT");
        assertThat(grpcClient.name()).contains("credit.registry.v1");
        // ... and blacklist's server span is a child of a span the gateway exported
        TraceReceiver.Span listsServer = spans.stream()
                .filter(s -> s.service().equals("blacklist-service") && s.kind().equals("SPAN_KIND_SERVER")).findFirst()
                .orElseThrow();
        assertThat(ancestors(listsServer, byId)).extracting(TraceReceiver.Span::service).contains("gateway");
    }

    @Test
    void sanctionsAndScoringContinueTheTraceOfARequestSentThroughTheGateway(TraceReceiver traces) throws Exception {
        // sanctions: a rail travel check over REST; scoring: a company's public grade (scoring asks the registry)
        String checkTrace = HexFormat.of().formatHex(randomBytes(16));
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        HttpResponse<String> check = send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/v1/travel-checks"))
                .header("Authorization", "Bearer " + platform.clientCredentialsToken("rail-demo"))
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + checkTrace + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"passengerRef":"obs-1","document":{"type":"RESIDENT_ID","number":"%s"},"mode":"RAIL",
                         "trainNumber":"G1","seatClass":"SECOND_CLASS","travelDate":"%s"}"""
                        .formatted(ResidentIds.withCheckCharacter("31010419800101124"), tomorrow))).build());
        assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
        String gradeTrace = HexFormat.of().formatHex(randomBytes(16));
        HttpResponse<String> grade = send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl()
                        + "/api/v1/scores/public/companies/" + ScoringFlowIT.uscc(ThreadLocalRandom.current()) + "/grade"))
                .header("traceparent", "00-" + gradeTrace + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
                .GET().build());
        assertThat(grade.statusCode()).as("an unknown company's grade: " + grade.body()).isEqualTo(404);

        assertServerSpanUnderTheGateway(traces, checkTrace, "sanctions-service");
        assertServerSpanUnderTheGateway(traces, gradeTrace, "scoring-service");
    }

    @Test
    void aTravelCheckThroughTheGrpcFrontDoorIsOneTraceFromTheGatewayToSanctions(TraceReceiver traces) throws Exception {
        String grpcTrace = HexFormat.of().formatHex(randomBytes(16));
        io.grpc.Metadata headers = new io.grpc.Metadata();
        headers.put(io.grpc.Metadata.Key.of("traceparent", io.grpc.Metadata.ASCII_STRING_MARSHALLER),
                "00-" + grpcTrace + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01");
        io.grpc.ManagedChannel channel = io.grpc.ManagedChannelBuilder.forAddress("127.0.0.1",
                platform.config().app("gateway").grpcPort()).usePlaintext().build();
        try {
            credit.sanctions.v1.CheckTravelResponse answer = credit.sanctions.v1.TravelCheckServiceGrpc
                    .newBlockingStub(channel)
                    .withCallCredentials(credit.platform.testsupport.GrpcTestCalls.bearer(
                            platform.clientCredentialsToken("airline-demo")))
                    .withInterceptors(io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(headers))
                    .withDeadlineAfter(15, TimeUnit.SECONDS)
                    .checkTravel(credit.sanctions.v1.CheckTravelRequest.newBuilder().setPassengerRef("PNR-OBS-GRPC")
                            .setDocument(credit.common.v1.Identifier.newBuilder()
                                    .setScheme(credit.common.v1.IdentifierScheme.IDENTIFIER_SCHEME_RESIDENT_ID)
                                    .setValue(ResidentIds.withCheckCharacter("31010419800101125")))
                            .setMode(credit.sanctions.v1.TravelMode.TRAVEL_MODE_AIR)
                            .setServiceClass(credit.sanctions.v1.ServiceClass.SERVICE_CLASS_AIR_ECONOMY).build());
            assertThat(answer.getPassengerRef()).isEqualTo("PNR-OBS-GRPC");
        } finally {
            channel.shutdownNow();
        }
        // the gateway's server span continues the caller's trace; its client span is the parent of sanctions' server span
        assertServerSpanUnderTheGateway(traces, grpcTrace, "sanctions-service");
        List<TraceReceiver.Span> spans = traces.trace(grpcTrace);
        assertThat(spans).anySatisfy(s -> {
            assertThat(s.service()).isEqualTo("gateway");
            assertThat(s.kind()).isEqualTo("SPAN_KIND_SERVER");
            assertThat(s.name()).contains("credit.sanctions.v1.TravelCheckService");
        });
        // and the front door's own breaker is exported beside the routes'
        assertThat(scrapeAll().get("resilience4j_circuitbreaker_state"))
                .anySatisfy(series -> assertThat(series).containsEntry("name", "sanctions-grpc"));
    }

    /** {@code service} exported a server span of the trace, and one of its ancestors is the gateway's. */
    private static void assertServerSpanUnderTheGateway(TraceReceiver traces, String traceId, String service) {
        await("a server span of trace " + traceId + " from " + service + " under a gateway span")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    List<TraceReceiver.Span> spans = traces.trace(traceId);
                    Map<String, TraceReceiver.Span> byId = new HashMap<>();
                    spans.forEach(s -> byId.put(s.spanId(), s));
                    return spans.stream().filter(s -> s.service().equals(service) && s.kind().equals("SPAN_KIND_SERVER"))
                            .anyMatch(s -> ancestors(s, byId).stream().anyMatch(a -> a.service().equals("gateway")));
                });
    }

    @Test
    void everyLogLineIsJsonAndNoneNamesThePersonOrAnyResidentId() throws IOException {
        StackConfig config = platform.config();
        Pattern residentId = Pattern.compile("\\b\\d{17}[\\dXx]\\b");
        Map<String, List<String>> offences = new LinkedHashMap<>();
        for (StackConfig.AppConfig app : config.apps()) {
            Path log = config.logDir().resolve(app.name() + ".log");
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            int json = 0;
            for (String line : lines) {
                if (line.isBlank() || !line.startsWith("{")) {
                    // the JVM's own warnings (stderr) are not the app's log; a plain Spring log line is
                    if (line.matches("^\\d{4}-\\d\\d-\\d\\dT.*")) {
                        offences.computeIfAbsent(app.name() + ": not JSON", k -> new ArrayList<>()).add(line);
                    }
                    continue;
                }
                JsonNode entry = JSON.readTree(line);
                json++;
                // Elastic Common Schema, nested: {"@timestamp", "log": {"level", "logger"}, "service": {"name"}, "message"}
                if (!entry.has("@timestamp") || entry.path("log").path("level").asString().isEmpty()
                        || !entry.has("message") || !app.name().equals(entry.path("service").path("name").asString())) {
                    offences.computeIfAbsent(app.name() + ": missing ECS fields", k -> new ArrayList<>()).add(line);
                }
                if (line.contains(personId) || line.contains(personName)) {
                    offences.computeIfAbsent(app.name() + ": names the listed person", k -> new ArrayList<>()).add(line);
                }
                Matcher m = residentId.matcher(line);
                while (m.find()) {
                    String candidate = m.group().toUpperCase(java.util.Locale.ROOT);
                    if (candidate.equals(ResidentIds.withCheckCharacter(candidate.substring(0, 17)))) {
                        offences.computeIfAbsent(app.name() + ": carries a resident ID", k -> new ArrayList<>()).add(line);
                    }
                }
            }
            assertThat(json).as("%s wrote JSON log lines", app.name()).isPositive();
        }
        assertThat(offences).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** Metric → labels matched, per place it is used ("alert X", "panel Y"), from the rendered k8s/monitoring. */
    private Map<String, Map<String, Set<String>>> metricsUsedByMonitoring() {
        Path kubectl = Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).map(d -> Path.of(d, "kubectl"))
                .filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(kubectl != null, "kubectl is not installed: k8s/monitoring cannot be rendered");
        String rendered = run(kubectl.toString(), "kustomize", platform.config().repoRoot().resolve("k8s/monitoring").toString());
        Map<String, Map<String, Set<String>>> used = new TreeMap<>();
        for (Object doc : new Yaml().loadAll(rendered)) {
            Map<?, ?> object = (Map<?, ?>) doc;
            if ("PrometheusRule".equals(object.get("kind"))) {
                for (Object group : (List<?>) ((Map<?, ?>) object.get("spec")).get("groups")) {
                    for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                        Map<?, ?> r = (Map<?, ?>) rule;
                        add(used, "alert " + r.get("alert"), String.valueOf(r.get("expr")));
                    }
                }
            } else if ("ConfigMap".equals(object.get("kind")) && ((Map<?, ?>) ((Map<?, ?>) object.get("metadata"))
                    .get("labels")).containsKey("grafana_dashboard")) {
                for (Object json : ((Map<?, ?>) object.get("data")).values()) {
                    for (JsonNode panel : JSON.readTree(String.valueOf(json)).path("panels")) {
                        for (JsonNode target : panel.path("targets")) {
                            add(used, "panel " + panel.path("title").asString(), target.path("expr").asString());
                        }
                    }
                }
            }
        }
        return used;
    }

    private static void add(Map<String, Map<String, Set<String>>> used, String where, String expr) {
        PromQl.metrics(expr).forEach((metric, labels) ->
                used.computeIfAbsent(where, k -> new TreeMap<>()).computeIfAbsent(metric, k -> new TreeSet<>()).addAll(labels));
    }

    /** Sample name → the label sets of its series, over every app's /actuator/prometheus. */
    private Map<String, Set<Map<String, String>>> scrapeAll() throws IOException, InterruptedException {
        Map<String, Set<Map<String, String>>> exported = new HashMap<>();
        Pattern sample = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s");
        Pattern label = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
        for (StackConfig.AppConfig app : platform.config().apps()) {
            HttpResponse<String> scrape = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + app.managementPort() + "/actuator/prometheus")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).as("%s /actuator/prometheus", app.name()).isEqualTo(200);
            for (String line : scrape.body().split("\n")) {
                Matcher m = sample.matcher(line);
                if (line.startsWith("#") || !m.find()) {
                    continue;
                }
                Map<String, String> labels = new HashMap<>();
                if (m.group(3) != null) {
                    Matcher l = label.matcher(m.group(3));
                    while (l.find()) {
                        labels.put(l.group(1), l.group(2));
                    }
                }
                exported.computeIfAbsent(m.group(1), k -> new java.util.HashSet<>()).add(labels);
            }
        }
        return exported;
    }

    private static List<TraceReceiver.Span> ancestors(TraceReceiver.Span span, Map<String, TraceReceiver.Span> byId) {
        List<TraceReceiver.Span> result = new ArrayList<>();
        for (TraceReceiver.Span s = byId.get(span.parentSpanId()); s != null; s = byId.get(s.parentSpanId())) {
            result.add(s);
        }
        return result;
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }
}
