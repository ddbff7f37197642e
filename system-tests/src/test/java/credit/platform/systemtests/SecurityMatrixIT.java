package credit.platform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import credit.common.v1.CommonProto;
import credit.platform.common.security.ProtoScopeAuthorizationManager;
import io.grpc.Attributes;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.grpc.server.security.CallContext;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The authorization matrix with the real Keycloak and the real services: every public route
 * through the gateway × every service client of the realm (a real client-credentials token each),
 * the signed-in citizen, no token and a forged token; and every RPC of every contract × every
 * realm client, decided by {@link ProtoScopeAuthorizationManager} on the scopes Keycloak actually
 * put into that client's token. Expired and wrong-audience tokens are covered by the gateway's
 * AuthorizationMatrixTest (signed test tokens): Keycloak issues neither on demand.
 */
@ExtendWith(PlatformExtension.class)
class SecurityMatrixIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path REALM = Path.of("..", "keycloak", "credit-realm.json");
    private static final String CITIZEN_RESIDENT_ID = "11010519491231002X";

    /** A request per route-table line; allowed means "not 401/403" (the service may still say 400/404). */
    record Probe(String line, String method, String path, String scope, String body) {
    }

    static final List<Probe> PROBES = List.of(
            new Probe("POST /api/v1/subjects", "POST", "/api/v1/subjects", "registry.write", "{}"),
            new Probe("POST /api/v1/subjects/{subjectId}/**", "POST", "/api/v1/subjects/no-such-subject/permits", "registry.write",
                    "{}"),
            new Probe("GET /api/v1/subjects/{subjectId}/**", "GET", "/api/v1/subjects/no-such-subject", "registry.read", null),
            new Probe("GET /api/v1/lists", "GET", "/api/v1/lists", "lists.read", null),
            new Probe("POST /api/v1/lists/{listId}/records", "POST", "/api/v1/lists/admin-penalties-general/records",
                    "lists.write", "{}"),
            new Probe("GET /api/v1/records/**", "GET", "/api/v1/records?subjectId=no-such-subject", "lists.read", null),
            new Probe("GET /api/v1/scores/{subjectId}/**", "GET", "/api/v1/scores/no-such-subject", "scoring.read", null),
            new Probe("POST /api/v1/scores/**", "POST", "/api/v1/scores/models", "platform.admin", "{}"),
            new Probe("POST /api/v1/travel-checks", "POST", "/api/v1/travel-checks", "travel.check", "{}"),
            new Probe("GET /api/v1/travel-checks/receipt-keys", "GET", "/api/v1/travel-checks/receipt-keys", "travel.check", null),
            new Probe("POST /api/v1/eligibility-checks", "POST", "/api/v1/eligibility-checks", "eligibility.check",
                    "{}"),
            new Probe("GET /api/v1/audit/**", "GET", "/api/v1/audit/verify", "audit.read", null),
            new Probe("GET /api/v1/me/access-log", "GET", "/api/v1/me/access-log", "citizen", null),
            // self-service: a person's own records and filings (the company's and the desk's need portal
            // users' tokens: PortalJourneysIT signs them in through the browser)
            new Probe("GET /api/v1/me/**", "GET", "/api/v1/me/records", "citizen", null),
            new Probe("POST /api/v1/me/**", "POST", "/api/v1/me/records/no-such-record/objections", "citizen",
                    "{\"reason\":\"probe\"}"));

    @Test
    void everyRealClientTokenGetsExactlyWhatItsScopesAllowAtTheGateway(TestPlatform platform) throws Exception {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String clientId : serviceClientIds()) {
            tokens.put(clientId, platform.clientCredentialsToken(clientId));
        }
        String citizen = platform.citizenToken();

        List<String> mismatches = new ArrayList<>();
        for (Probe probe : PROBES) {
            for (Map.Entry<String, String> client : tokens.entrySet()) {
                Set<String> scopes = scopes(client.getValue());
                boolean allowed = !probe.scope().equals("citizen")
                        && (scopes.contains(probe.scope()) || scopes.contains("platform.admin"));
                check(platform, probe, client.getKey(), client.getValue(), allowed ? 0 : 403, mismatches);
            }
            check(platform, probe, "citizen", citizen, probe.scope().equals("citizen") ? 0 : 403, mismatches);
            check(platform, probe, "no token", null, 401, mismatches);
            check(platform, probe, "forged token", forge(tokens.get("platform-admin")), 401, mismatches);
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void aLookupOfTheCitizenIsInTheirAccessLogAndTheChainVerifies(TestPlatform platform) throws Exception {
        String admin = platform.clientCredentialsToken("platform-admin");
        HttpResponse<String> lookup = send(platform, "GET", "/api/v1/subjects/lookup?scheme=RESIDENT_ID&value="
                + CITIZEN_RESIDENT_ID, admin, null, "OBJECTION_REVIEW");
        assertThat(lookup.statusCode()).as(lookup.body()).isNotIn(400, 401, 403);

        HttpResponse<String> noPurpose = send(platform, "GET", "/api/v1/subjects/lookup?scheme=RESIDENT_ID&value="
                + CITIZEN_RESIDENT_ID, admin, null, null);
        assertThat(noPurpose.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noPurpose.body()).path("errors").path(0).path("field").asString()).isEqualTo("X-Purpose");

        // the citizen as a registry subject, read by subject id: the access log links the two
        String subjectId = citizenSubjectId(platform, admin);
        HttpResponse<String> bySubjectId = send(platform, "GET", "/api/v1/subjects/" + subjectId, admin, null, "LICENSING");
        assertThat(bySubjectId.statusCode()).as(bySubjectId.body()).isEqualTo(200);

        HttpResponse<String> log = send(platform, "GET", "/api/v1/me/access-log", platform.citizenToken(), null, null);
        assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
        JsonNode entries = JSON.readTree(log.body()).path("entries");
        assertThat(entries.valueStream().anyMatch(e -> e.path("client").asString().equals("platform-admin")
                && e.path("purpose").asString().equals("OBJECTION_REVIEW"))).as(log.body()).isTrue();
        assertThat(entries.valueStream().anyMatch(e -> e.path("client").asString().equals("platform-admin")
                && e.path("purpose").asString().equals("LICENSING")
                && e.path("route").asString().equals("GET /api/v1/subjects/{subjectId}/**"))).as(log.body()).isTrue();
        assertThat(JSON.readTree(log.body()).path("complete").asBoolean()).as(log.body()).isTrue();
        assertThat(log.body()).doesNotContain(CITIZEN_RESIDENT_ID);

        HttpResponse<String> verify = send(platform, "GET", "/api/v1/audit/verify",
                platform.clientCredentialsToken("auditor-demo"), null, null);
        assertThat(verify.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(verify.body()).path("intact").asBoolean()).as(verify.body()).isTrue();
    }

    @Test
    void theApiDescriptionIsServedOpenlyAtTheGateway(TestPlatform platform) throws Exception {
        // the services build their descriptions on first request, which can outlast the gateway's fetch
        // timeout on a loaded machine; an incomplete description is kept only briefly, so ask again
        // (a request that times out while the gateway gathers is asked again too)
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .ignoreExceptionsInstanceOf(java.net.http.HttpTimeoutException.class)
                .untilAsserted(() -> {
                    HttpResponse<String> spec = send(platform, "GET", "/openapi.yaml", null, null, null);
                    assertThat(spec.statusCode()).isEqualTo(200);
                    assertThat(spec.body()).contains("openapi: 3.1.0", "/api/v1/travel-checks", "X-Purpose");
                });
    }

    @Test
    void everyRpcTimesEveryRealmClientIsDecidedByTheScopeInItsContract(TestPlatform platform) throws Exception {
        List<MethodDescriptor<?, ?>> rpcs = allRpcs();
        assertThat(rpcs).as("RPCs found in the proto jar").hasSizeGreaterThan(10);
        ProtoScopeAuthorizationManager manager = new ProtoScopeAuthorizationManager();

        Map<String, Set<String>> allowedByClient = new TreeMap<>();
        List<String> mismatches = new ArrayList<>();
        for (String clientId : serviceClientIds()) {
            Set<String> scopes = scopes(platform.clientCredentialsToken(clientId));
            Authentication auth = new TestingAuthenticationToken(clientId, "n/a",
                    scopes.stream().map(s -> "SCOPE_" + s).toArray(String[]::new));
            auth.setAuthenticated(true);
            for (MethodDescriptor<?, ?> rpc : rpcs) {
                Optional<String> scope = ProtoScopeAuthorizationManager.requiredScope(rpc);
                assertThat(scope).as(rpc.getFullMethodName() + " declares required_scope").isPresent();
                boolean expected = (scopes.contains(scope.get()) || scopes.contains("platform.admin"))
                        && (!ProtoScopeAuthorizationManager.serviceOnly(rpc) || scopes.contains("platform.internal"));
                boolean decided = manager.authorize(() -> auth,
                        new CallContext(new Metadata(), Attributes.EMPTY, rpc)).isGranted();
                if (decided != expected) {
                    mismatches.add(clientId + " → " + rpc.getFullMethodName() + ": expected " + expected);
                }
                if (decided) {
                    allowedByClient.computeIfAbsent(clientId, k -> new TreeSet<>()).add(rpc.getFullMethodName());
                }
            }
            boolean anonymousAllowed = rpcs.stream().anyMatch(rpc -> manager.authorize(() -> null,
                    new CallContext(new Metadata(), Attributes.EMPTY, rpc)).isGranted());
            assertThat(anonymousAllowed).as("an RPC open without a token").isFalse();
        }
        assertThat(mismatches).isEmpty();

        for (String ticketing : List.of("airline-demo", "rail-demo")) {
            assertThat(allowedByClient.get(ticketing)).isNotEmpty()
                    .allMatch(m -> m.startsWith("credit.sanctions."), "only sanctions RPCs");
        }
        // an agency reaches the services only through the gateway: no RPC of any service port is open to it
        for (String agency : List.of("court-demo", "samr-demo", "tax-demo", "nra-demo", "ndrc-demo", "customs-demo")) {
            assertThat(allowedByClient.getOrDefault(agency, Set.of())).as(agency).isEmpty();
        }
        assertThat(allowedByClient.get("procurement-demo")).isNotEmpty()
                .allMatch(m -> m.startsWith("credit.sanctions.v1.EligibilityService/"), "only eligibility checks");
        assertThat(allowedByClient.getOrDefault("auditor-demo", Set.of())).isEmpty();
        assertThat(allowedByClient.getOrDefault("registrar-demo", Set.of())).isEmpty();
        // the operators reach the front-door RPCs; the internal ones (snapshots, feeds, bulk resolution,
        // reads of persons and scores) only the service identity
        List<String> internal = rpcs.stream().filter(ProtoScopeAuthorizationManager::serviceOnly)
                .map(MethodDescriptor::getFullMethodName).toList();
        assertThat(internal).contains("credit.lists.v1.ListsService/Snapshot", "credit.lists.v1.ListsService/Watch",
                "credit.registry.v1.RegistryService/BatchResolveIdentifiers",
                "credit.registry.v1.RegistryService/WatchSubjectChanges",
                "credit.scoring.v1.ScoringService/WatchGradeChanges");
        assertThat(allowedByClient.get("platform-admin")).hasSize(rpcs.size() - internal.size())
                .noneMatch(internal::contains);
        assertThat(allowedByClient.get("credit-services")).containsAll(internal);
    }

    // --- the real gateway ----------------------------------------------------------------------

    private static void check(TestPlatform platform, Probe probe, String who, String token, int expected,
            List<String> mismatches) throws Exception {
        HttpResponse<String> response = send(platform, probe.method(), probe.path(), token, probe.body(), "SUPERVISION");
        int status = response.statusCode();
        boolean ok = expected == 0 ? status != 401 && status != 403 && status != 429 : status == expected;
        if (ok && expected != 0) {
            ok = response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
        }
        if (!ok) {
            mismatches.add(probe.line() + " as " + who + ": got " + status + ", expected "
                    + (expected == 0 ? "allowed" : expected));
        }
    }

    /** The demo citizen's registry subject (registered here if no test has yet). */
    private static String citizenSubjectId(TestPlatform platform, String admin) throws Exception {
        HttpResponse<String> created = send(platform, "POST", "/api/v1/subjects", admin, "{\"kind\":\"PERSON\","
                + "\"identifiers\":[{\"scheme\":\"RESIDENT_ID\",\"value\":\"" + CITIZEN_RESIDENT_ID + "\"}],"
                + "\"name\":\"演示公民\"}", null);
        assertThat(created.statusCode()).as(created.body()).isIn(200, 201, 409);
        HttpResponse<String> found = send(platform, "GET", "/api/v1/subjects/lookup?scheme=RESIDENT_ID&value="
                + CITIZEN_RESIDENT_ID, admin, null, "DATA_MAINTENANCE");
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        return JSON.readTree(found.body()).path("id").asString();
    }

    private static HttpResponse<String> send(TestPlatform platform, String method, String path, String token,
            String body, String purpose) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(15))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (purpose != null) {
            request.header("X-Purpose", purpose);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // --- Keycloak ----------------------------------------------------------------------------

    /** Every client of the realm file that gets tokens by client credentials. */
    static List<String> serviceClientIds() throws IOException {
        JsonNode realm = JSON.readTree(Files.readString(REALM));
        return realm.path("clients").valueStream()
                .filter(c -> c.path("serviceAccountsEnabled").asBoolean(false))
                .map(c -> c.path("clientId").asString())
                .toList();
    }

    static Set<String> scopes(String jwt) {
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        return Arrays.stream(claims.path("scope").asString().split(" ")).filter(s -> !s.isBlank())
                .collect(Collectors.toSet());
    }

    /** The same claims with one character of the signature changed. */
    private static String forge(String jwt) {
        int last = jwt.length() - 5;
        char c = jwt.charAt(last) == 'A' ? 'B' : 'A';
        return jwt.substring(0, last) + c + jwt.substring(last + 1);
    }

    // --- the contracts ----------------------------------------------------------------------

    /** Every RPC of every {@code *Grpc} service class in the proto jar. */
    static List<MethodDescriptor<?, ?>> allRpcs() throws IOException, URISyntaxException, ReflectiveOperationException {
        Path location = Path.of(CommonProto.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> classNames = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                files.map(p -> location.relativize(p).toString().replace('\\', '/'))
                        .filter(SecurityMatrixIT::isServiceClass).forEach(classNames::add);
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                jar.stream().map(java.util.jar.JarEntry::getName).filter(SecurityMatrixIT::isServiceClass)
                        .forEach(classNames::add);
            }
        }
        List<MethodDescriptor<?, ?>> rpcs = new ArrayList<>();
        for (String name : classNames) {
            Class<?> grpcClass = Class.forName(name.replace('/', '.').replace(".class", ""));
            ServiceDescriptor service = (ServiceDescriptor) grpcClass.getMethod("getServiceDescriptor").invoke(null);
            rpcs.addAll(service.getMethods());
        }
        return rpcs;
    }

    private static boolean isServiceClass(String entry) {
        return entry.startsWith("credit/") && entry.endsWith("Grpc.class") && !entry.contains("$");
    }

    private static String requiredScope(List<MethodDescriptor<?, ?>> rpcs, String fullName) {
        return rpcs.stream().filter(r -> r.getFullMethodName().equals(fullName)).findFirst()
                .flatMap(ProtoScopeAuthorizationManager::requiredScope).orElse("");
    }
}
