package credit.platform.benchmarks.stack;

import credit.platform.benchmarks.report.RunReport;
import credit.platform.benchmarks.report.RunReport.Tee;
import credit.platform.launcher.AppLaunch;
import credit.platform.launcher.PlatformStack;
import credit.platform.launcher.RepoRoot;
import credit.platform.launcher.StackConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Portal page latency on the real stack (issue 15): Keycloak, the five apps and the portal as
 * processes with production JVM settings ({@link AppLaunch#production()}). Seeds a company with a public
 * record and the demo citizen with an SPC record, signs the citizen in through Keycloak's login form (a
 * real browser's redirects, cookies kept), then requests each page N times, one at a time, and reports
 * p50 / p95 / p99 / max per page — beside the same numbers for the gateway API calls the page itself
 * makes (the baseline, measured in the same run), so the portal's own share is visible. The gateway's
 * request budgets are raised for the run (no answer is a 429). Report: {@code benchmarks/target/portal-pages/}.
 *
 * <pre>
 * ./mvnw -q -DskipTests install
 * bash benchmarks/run-portal-bench.sh 200 50     # requests per page (default 200), warm-up (default 50)
 * </pre>
 */
public final class PortalPagesRun {

    static final String CITIZEN_ID = "11010519491231002X";
    static final String COMPANY = "91350200776049653A";

    private PortalPagesRun() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Path root = RepoRoot.find();
        Path out = root.resolve("benchmarks/target/portal-pages");
        Path logs = out.resolve("stack-logs");
        Files.createDirectories(logs);
        StackConfig config = StackConfig.onTestPorts(root, "bench", null, logs);
        // production JVM settings (default JIT and GC, -Xmx1g), as every benchmark of the platform; the one
        // change to the apps' configuration: the request budgets are raised so that requests one after the
        // other are never throttled (the figures are latency; budgets: gateway TrafficTest, CallerBudgetsTest)
        AppLaunch launch = AppLaunch.production().withArguments("gateway",
                "--credit.gateway.traffic.rate-limits.default.limit=1000000",
                "--credit.gateway.traffic.rate-limits.anonymous.limit=1000000",
                "--credit.gateway.traffic.rate-limits.citizen.limit=1000000");
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC).format(Instant.now());
        Path reportFile = out.resolve("portal-pages-" + stamp + ".md");
        try (PrintStream report = new PrintStream(Files.newOutputStream(reportFile), true, StandardCharsets.UTF_8)) {
            Tee tee = new Tee(report);
            tee.println("## Portal pages, " + Instant.now());
            tee.println();
            RunReport.header(tee, root);
            tee.println("- apps: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                    + ", apps' JVMs as in the production overlay " + AppLaunch.PRODUCTION);
            long t0 = System.nanoTime();
            try (PlatformStack stack = new PlatformStack(config, launch)) {
                stack.start();
                tee.printf(Locale.ROOT, "- stack started in %.0f s (test-stack ports, offset %s)%n",
                        (System.nanoTime() - t0) / 1e9,
                        System.getenv().getOrDefault(StackConfig.TEST_PORT_OFFSET_ENV, "0"));
                measure(config, n, warmup, tee);
            }
            tee.println("- load average at the end: " + RunReport.loadAverage());
        }
        System.out.println("report: " + reportFile);
    }

    private static void measure(StackConfig config, int n, int warmup, Tee tee) throws Exception {
        String gateway = config.gatewayUrl();
        String portal = config.portalUrl();
        HttpClient api = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String recordId = seed(api, config);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new LocalhostCookies())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        signIn(browser, portal, "citizen-demo");
        String citizenToken = token(api, config, "grant_type=password&client_id=credit-web&username=citizen-demo"
                + "&password=citizen-demo-password&scope=openid");

        Map<String, List<Call>> pages = new LinkedHashMap<>();
        pages.put("public company page /companies/{uscc}", List.of(
                new Call(browser, portal + "/companies/" + COMPANY, null)));
        pages.put("  baseline: its 3 API calls", List.of(
                new Call(api, gateway + "/api/v1/public/companies/" + COMPANY, null),
                new Call(api, gateway + "/api/v1/public/companies/" + COMPANY + "/records", null),
                new Call(api, gateway + "/api/v1/scores/public/companies/" + COMPANY + "/grade", null)));
        pages.put("public list page /lists/{id}", List.of(new Call(browser, portal + "/lists/spc-dishonest-debtors", null)));
        pages.put("  baseline: its 2 API calls", List.of(
                new Call(api, gateway + "/api/v1/public/lists", null),
                new Call(api, gateway + "/api/v1/public/lists/spc-dishonest-debtors/records?page=0&size=20", null)));
        pages.put("citizen overview /me", List.of(new Call(browser, portal + "/me", null)));
        pages.put("  baseline: its 5 API calls", List.of(
                new Call(api, gateway + "/api/v1/me/records", citizenToken),
                new Call(api, gateway + "/api/v1/me/applications", citizenToken),
                new Call(api, gateway + "/api/v1/me/score", citizenToken),
                new Call(api, gateway + "/api/v1/me/notices", citizenToken),
                new Call(api, gateway + "/api/v1/me/travel-denials", citizenToken)));
        pages.put("citizen record /me/records/{id}", List.of(new Call(browser, portal + "/me/records/" + recordId, null)));
        pages.put("  baseline: its API call", List.of(new Call(api, gateway + "/api/v1/me/records/" + recordId, citizenToken)));
        pages.put("citizen access log /me/access-log", List.of(new Call(browser, portal + "/me/access-log", null)));
        pages.put("  baseline: its API call ", List.of(new Call(api, gateway + "/api/v1/me/access-log", citizenToken)));

        tee.println();
        tee.println(String.format(Locale.ROOT, "%-40s %8s %8s %8s %8s  (ms, %d requests after %d warm-up, one at a time)",
                "page", "p50", "p95", "p99", "max", n, warmup));
        for (Map.Entry<String, List<Call>> page : pages.entrySet()) {
            for (int i = 0; i < warmup; i++) {
                page.getValue().forEach(Call::run);
            }
            long[] nanos = new long[n];
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                page.getValue().forEach(Call::run);
                nanos[i] = System.nanoTime() - t0;
            }
            Arrays.sort(nanos);
            tee.println(String.format(Locale.ROOT, "%-40s %8.1f %8.1f %8.1f %8.1f", page.getKey(), ms(nanos, 0.50),
                    ms(nanos, 0.95), ms(nanos, 0.99), nanos[n - 1] / 1e6));
        }
        tee.println();
    }

    /**
     * A browser's cookie jar on http://localhost: Keycloak marks its login cookies {@code Secure}, which a
     * browser still sends to localhost (a secure context) but {@link CookieManager} would not (the
     * login form then answers 400); the flag is dropped as cookies are stored.
     */
    static final class LocalhostCookies extends CookieManager {
        LocalhostCookies() {
            super(null, CookiePolicy.ACCEPT_ALL);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            headers.forEach((name, values) -> copy.put(name, name != null && name.equalsIgnoreCase("Set-Cookie")
                    ? values.stream().map(c -> c.replaceAll("(?i);\\s*Secure\\b", "")).toList() : values));
            super.put(uri, copy);
        }
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    /** One GET; a page must answer 200 (a sign-in that expired would be a redirect: the run fails). */
    record Call(HttpClient client, String url, String token) {
        void run() {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET();
            if (token != null) {
                r.header("Authorization", "Bearer " + token);
            }
            try {
                HttpResponse<byte[]> response = client.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(url + " answered " + response.statusCode());
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The company with a public record, the demo citizen with an SPC record; returns the citizen's record id. */
    static String seed(HttpClient http, StackConfig config) throws Exception {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        post(http, config.gatewayUrl() + "/api/v1/subjects", token(http, config, creds("registrar-demo")),
                "{\"kind\":\"LEGAL_ENTITY\",\"identifiers\":[{\"scheme\":\"USCC\",\"value\":\"" + COMPANY
                        + "\"}],\"name\":\"厦门鹭岛示例贸易有限公司\"}");
        post(http, config.gatewayUrl() + "/api/v1/lists/samr-abnormal-operations/records", token(http, config,
                creds("samr-demo")), "{\"subject\":{\"kind\":\"LEGAL_ENTITY\",\"scheme\":\"USCC\",\"value\":\"" + COMPANY
                + "\",\"name\":\"厦门鹭岛示例贸易有限公司\"},\"caseNumber\":\"bench-1\",\"legalGround\":\"unreachable\","
                + "\"facts\":\"benchmark\",\"effectiveFrom\":\"" + today + "\"}");
        String created = post(http, config.gatewayUrl() + "/api/v1/lists/spc-dishonest-debtors/records",
                token(http, config, creds("court-demo")), "{\"subject\":{\"kind\":\"PERSON\",\"scheme\":\"RESIDENT_ID\","
                        + "\"value\":\"" + CITIZEN_ID + "\",\"name\":\"演示\"},\"caseNumber\":\"bench-2\",\"legalGround\":\"x\","
                        + "\"facts\":\"benchmark\",\"effectiveFrom\":\"" + today + "\"}");
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(created);
        if (!id.find()) {
            throw new IllegalStateException("no record id in " + created);
        }
        return id.group(1);
    }

    private static String creds(String client) {
        return "grant_type=client_credentials&client_id=" + client + "&client_secret=" + client + "-secret";
    }

    static String token(HttpClient http, StackConfig config, String form) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(config.tokenUri()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("no token: " + r.statusCode());
        }
        return m.group(1);
    }

    private static String post(HttpClient http, String url, String token, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The browser's sign-in: portal → Keycloak's login form → credentials posted → back to the portal. */
    static void signIn(HttpClient browser, String portal, String user) throws Exception {
        String url = portal + "/signin";
        String form = null;
        List<String> seen = new ArrayList<>();
        for (int hop = 0; hop < 12; hop++) {
            HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            seen.add(r.statusCode() + " " + url.replaceAll("\\?.*", ""));
            if (r.statusCode() / 100 == 3) {
                url = URI.create(url).resolve(r.headers().firstValue("Location").orElseThrow()).toString();
                continue;
            }
            Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(r.body());
            if (r.statusCode() == 200 && action.find()) {
                form = action.group(1).replace("&amp;", "&");
            }
            break;
        }
        if (form == null) {
            throw new IllegalStateException("no login form: " + seen);
        }
        HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(URI.create(form))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
                        + URLEncoder.encode(user + "-password", StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        url = posted.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                "sign-in refused: " + posted.statusCode()));
        for (int hop = 0; hop < 12 && url != null; hop++) {
            HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String next = r.statusCode() / 100 == 3 ? r.headers().firstValue("Location").orElse(null) : null;
            url = next == null ? null : URI.create(url).resolve(next).toString();
        }
    }
}
