package credit.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import credit.platform.gateway.security.RouteScopes;
import credit.platform.testsupport.MongoTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The authorization matrix: every line of the gateway's route table × every client kind (no
 * token, expired token, token for another audience, every client of keycloak/credit-realm.json,
 * the signed-in citizen), through the running gateway with real signed JWTs. A request is
 * allowed exactly when the client holds the route's scope (or {@code platform.admin}); a denied
 * one is 401/403 problem+json and reaches no service. A route-table line without a probe here,
 * or a gateway route whose paths no table line covers, fails the build.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "credit.gateway.traffic.rate-limits.default.limit=100000",
        "credit.gateway.traffic.rate-limits.travel-check.limit=100000"})
class AuthorizationMatrixTest {

    static final String CITIZEN_RESIDENT_ID = "11010519491231002X";

    /** One probe request per line of {@link RouteScopes#ALL}; backend "gateway" = answered by the gateway itself. */
    static final Map<String, Probe> PROBES = Map.ofEntries(
            probe("POST /api/v1/subjects/imports", HttpMethod.POST, "/api/v1/subjects/imports?format=ndjson", "registry"),
            probe("POST /api/v1/subjects", HttpMethod.POST, "/api/v1/subjects", "registry"),
            probe("POST /api/v1/subjects/{subjectId}/**", HttpMethod.POST, "/api/v1/subjects/sub-1/permits", "registry"),
            probe("GET /api/v1/subjects/lookup", HttpMethod.GET,
                    "/api/v1/subjects/lookup?scheme=RESIDENT_ID&value=11010519491231002X", "registry"),
            probe("GET /api/v1/subjects/imports/**", HttpMethod.GET, "/api/v1/subjects/imports/imp-1", "registry"),
            probe("GET /api/v1/subjects/{subjectId}/**", HttpMethod.GET, "/api/v1/subjects/sub-123", "registry"),
            probe("GET /api/v1/lists", HttpMethod.GET, "/api/v1/lists", "lists"),
            probe("GET /api/v1/lists/applications/overdue", HttpMethod.GET, "/api/v1/lists/applications/overdue", "lists"),
            probe("GET /api/v1/lists/{listId}/records", HttpMethod.GET, "/api/v1/lists/SPC_DEBTORS/records", "lists"),
            probe("GET /api/v1/lists/{listId}/records/{recordId}/**", HttpMethod.GET,
                    "/api/v1/lists/SPC_DEBTORS/records/rec-9", "lists"),
            probe("GET /api/v1/lists/{listId}", HttpMethod.GET, "/api/v1/lists/SPC_DEBTORS", "lists"),
            probe("GET /api/v1/lists/**", HttpMethod.GET, "/api/v1/lists/SPC_DEBTORS/other", "lists"),
            probe("POST /api/v1/lists/{listId}/definition", HttpMethod.POST, "/api/v1/lists/SPC_DEBTORS/definition", "lists"),
            probe("POST /api/v1/lists/{listId}/records", HttpMethod.POST, "/api/v1/lists/SPC_DEBTORS/records", "lists"),
            probe("POST /api/v1/lists/{listId}/records/{recordId}/**", HttpMethod.POST,
                    "/api/v1/lists/SPC_DEBTORS/records/rec-9/removal", "lists"),
            probe("POST /api/v1/lists/**", HttpMethod.POST, "/api/v1/lists/SPC_DEBTORS/other", "lists"),
            probe("GET /api/v1/records/public", HttpMethod.GET, "/api/v1/records/public?uscc=91350100M000100Y43", "lists"),
            probe("GET /api/v1/records/**", HttpMethod.GET, "/api/v1/records?subjectId=sub-123", "lists"),
            probe("GET /api/v1/scores/public/companies/{uscc}/grade", HttpMethod.GET,
                    "/api/v1/scores/public/companies/91350100M000100Y43/grade", "scoring"),
            probe("GET /api/v1/scores/models/**", HttpMethod.GET, "/api/v1/scores/models", "scoring"),
            probe("GET /api/v1/scores/{subjectId}/**", HttpMethod.GET, "/api/v1/scores/sub-123", "scoring"),
            probe("POST /api/v1/scores/**", HttpMethod.POST, "/api/v1/scores/models", "scoring"),
            probe("POST /api/v1/travel-checks", HttpMethod.POST, "/api/v1/travel-checks", "sanctions"),
            probe("POST /api/v1/travel-checks/batch", HttpMethod.POST, "/api/v1/travel-checks/batch", "sanctions"),
            probe("POST /api/v1/travel-checks/receipts/verify", HttpMethod.POST, "/api/v1/travel-checks/receipts/verify",
                    "sanctions"),
            probe("GET /api/v1/travel-checks/receipt-keys", HttpMethod.GET, "/api/v1/travel-checks/receipt-keys", "sanctions"),
            probe("POST /api/v1/eligibility-checks", HttpMethod.POST, "/api/v1/eligibility-checks", "sanctions"),
            probe("GET /api/v1/audit/**", HttpMethod.GET, "/api/v1/audit/verify", "gateway"),
            probe("GET /api/v1/me/access-log", HttpMethod.GET, "/api/v1/me/access-log", "gateway"),
            probe("GET /api/v1/me/company/access-log", HttpMethod.GET, "/api/v1/me/company/access-log", "gateway"),
            probe("GET /api/v1/me/company/records", HttpMethod.GET, "/api/v1/me/company/records", "lists"),
            probe("GET /api/v1/me/company/records/{recordId}", HttpMethod.GET, "/api/v1/me/company/records/rec-9", "lists"),
            probe("GET /api/v1/me/company/applications", HttpMethod.GET, "/api/v1/me/company/applications", "lists"),
            probe("POST /api/v1/me/company/records/{recordId}/**", HttpMethod.POST,
                    "/api/v1/me/company/records/rec-9/objections", "lists"),
            probe("GET /api/v1/me/company/score", HttpMethod.GET, "/api/v1/me/company/score", "scoring"),
            probe("GET /api/v1/me/company/score/**", HttpMethod.GET, "/api/v1/me/company/score/history", "scoring"),
            probe("GET /api/v1/me/company/notices", HttpMethod.GET, "/api/v1/me/company/notices", "sanctions"),
            probe("POST /api/v1/me/company/notices/address", HttpMethod.POST, "/api/v1/me/company/notices/address",
                    "sanctions"),
            probe("GET /api/v1/me/records", HttpMethod.GET, "/api/v1/me/records", "lists"),
            probe("GET /api/v1/me/records/{recordId}", HttpMethod.GET, "/api/v1/me/records/rec-9", "lists"),
            probe("GET /api/v1/me/applications", HttpMethod.GET, "/api/v1/me/applications", "lists"),
            probe("POST /api/v1/me/records/{recordId}/**", HttpMethod.POST, "/api/v1/me/records/rec-9/objections", "lists"),
            probe("GET /api/v1/me/score", HttpMethod.GET, "/api/v1/me/score", "scoring"),
            probe("GET /api/v1/me/score/**", HttpMethod.GET, "/api/v1/me/score/history", "scoring"),
            probe("GET /api/v1/me/notices", HttpMethod.GET, "/api/v1/me/notices", "sanctions"),
            probe("POST /api/v1/me/notices/address", HttpMethod.POST, "/api/v1/me/notices/address", "sanctions"),
            probe("GET /api/v1/me/travel-denials", HttpMethod.GET, "/api/v1/me/travel-denials", "sanctions"),
            probe("GET /api/v1/desk/applications", HttpMethod.GET, "/api/v1/desk/applications", "lists"),
            probe("GET /api/v1/desk/applications/{applicationId}", HttpMethod.GET, "/api/v1/desk/applications/app-1", "lists"),
            probe("POST /api/v1/desk/applications/{applicationId}/decision", HttpMethod.POST,
                    "/api/v1/desk/applications/app-1/decision", "lists"),
            probe("GET /api/v1/desk/records", HttpMethod.GET, "/api/v1/desk/records", "lists"),
            probe("GET /api/v1/public/companies", HttpMethod.GET, "/api/v1/public/companies?q=xiamen", "registry"),
            probe("GET /api/v1/public/companies/{uscc}", HttpMethod.GET, "/api/v1/public/companies/91350200776049653A",
                    "registry"),
            probe("GET /api/v1/public/companies/{uscc}/records", HttpMethod.GET,
                    "/api/v1/public/companies/91350200776049653A/records", "lists"),
            probe("GET /api/v1/public/lists", HttpMethod.GET, "/api/v1/public/lists", "lists"),
            probe("GET /api/v1/public/lists/{listId}/records", HttpMethod.GET,
                    "/api/v1/public/lists/spc-dishonest-debtors/records", "lists"),
            probe("GET /api/v1/public/models", HttpMethod.GET, "/api/v1/public/models", "scoring"),
            probe("GET /api/v1/public/measures", HttpMethod.GET, "/api/v1/public/measures", "sanctions"),
            probe("GET /actuator/health/**", HttpMethod.GET, "/actuator/health", "gateway"),
            probe("GET /livez", HttpMethod.GET, "/livez", "gateway"),
            probe("GET /readyz", HttpMethod.GET, "/readyz", "gateway"),
            probe("GET /openapi.yaml", HttpMethod.GET, "/openapi.yaml", "gateway"),
            probe("GET /openapi.json", HttpMethod.GET, "/openapi.json", "gateway"),
            probe("GET /swagger-ui.html", HttpMethod.GET, "/swagger-ui.html", "gateway"),
            probe("GET /swagger-ui/**", HttpMethod.GET, "/swagger-ui/index.html", "gateway"),
            probe("GET /webjars/swagger-ui/**", HttpMethod.GET, "/webjars/swagger-ui/index.html", "gateway"),
            probe("GET /v3/api-docs/swagger-config", HttpMethod.GET, "/v3/api-docs/swagger-config", "gateway"));

    static Map.Entry<String, Probe> probe(String line, HttpMethod method, String pathAndQuery, String backend) {
        return Map.entry(line, new Probe(method, pathAndQuery, backend));
    }

    record Probe(HttpMethod method, String pathAndQuery, String backend) {
    }

    /** A kind of caller: how its token is made and which scopes it holds. */
    record Kind(String name, Set<String> scopes, boolean citizen, boolean company, int denyStatus) {

        Kind(String name, Set<String> scopes, boolean citizen, int denyStatus) {
            this(name, scopes, citizen, false, denyStatus);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    record Cell(RouteScopes.RouteScope route, Kind kind) {
        @Override
        public String toString() {
            return route + " as " + kind;
        }
    }

    static final TestIssuer issuer = new TestIssuer();
    static final StubBackend registry = new StubBackend("registry");
    static final StubBackend lists = new StubBackend("lists");
    static final StubBackend scoring = new StubBackend("scoring");
    static final StubBackend sanctions = new StubBackend("sanctions");
    static final Map<String, StubBackend> backends = Map.of("registry", registry, "lists", lists, "scoring",
            scoring, "sanctions", sanctions);
    /** Cell name → allowed?, for the policy checks at the end. */
    static final Map<String, Boolean> outcomes = new ConcurrentHashMap<>();

    @DynamicPropertySource
    static void routesToStubs(DynamicPropertyRegistry properties) {
        MongoTestServer.register(properties, "audit-matrix");
        properties.add("credit.security.issuer-uri", issuer::issuerUri);
        properties.add("credit.gateway.registry-uri", registry::uri);
        properties.add("credit.gateway.lists-uri", lists::uri);
        properties.add("credit.gateway.scoring-uri", scoring::uri);
        properties.add("credit.gateway.sanctions-uri", sanctions::uri);
    }

    @AfterAll
    static void stopStubs() {
        issuer.close();
        backends.values().forEach(StubBackend::close);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    RouteDefinitionLocator routeDefinitions;

    @Autowired
    credit.platform.gateway.traffic.TravelCheckProxy travelCheckProxy;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        backends.values().forEach(StubBackend::reset);
    }

    static List<Kind> kinds() {
        List<Kind> kinds = new ArrayList<>();
        kinds.add(new Kind("no token", Set.of(), false, 401));
        kinds.add(new Kind("expired token", Set.of(), false, 401));
        kinds.add(new Kind("token for another audience", Set.of(), false, 401));
        for (RealmClients.Client c : RealmClients.serviceClients()) {
            kinds.add(new Kind(c.clientId(), c.scopes(), false, 403));
        }
        kinds.add(new Kind("citizen (credit-web)", Set.of(), true, 403));
        // portal users (credit-portal): a company's representative (also a person) and an agency's officer
        kinds.add(new Kind("company representative (credit-portal)", Set.of(), true, true, 403));
        kinds.add(new Kind("officer (credit-portal)", Set.of(RouteScopes.DESK), false, 403));
        return kinds;
    }

    static Stream<Cell> cells() {
        return RouteScopes.ALL.stream().flatMap(route -> kinds().stream().map(kind -> new Cell(route, kind)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void eachClientKindGetsExactlyWhatItsScopesAllow(Cell cell) {
        Probe probe = PROBES.get(cell.route().toString());
        assertThat(probe).as("matrix probe for " + cell.route()).isNotNull();
        boolean expectedAllowed = allowed(cell.route(), cell.kind());

        EntityExchangeResult<byte[]> result = exchange(probe, tokenFor(cell.kind(), cell.route()))
                .expectBody().returnResult();

        outcomes.put(cell.route() + " | " + cell.kind().name(), expectedAllowed);
        if (expectedAllowed) {
            if (probe.backend().equals("gateway")) {
                // answered by the gateway itself (Swagger UI may redirect): only never refused
                assertThat(result.getStatus().value()).as(cell.toString()).isNotIn(401, 403);
            } else {
                assertThat(result.getStatus().value()).as(cell.toString()).isEqualTo(200);
            }
            if (!probe.backend().equals("gateway")) {
                assertThat(backends.get(probe.backend()).received()).as(cell.toString()).hasSize(1);
            }
        } else {
            assertThat(result.getStatus().value()).as(cell.toString()).isEqualTo(cell.kind().denyStatus());
            assertThat(result.getResponseHeaders().getContentType())
                    .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            backends.values().forEach(b -> assertThat(b.received()).as(cell + " reached " + b.name()).isEmpty());
        }
    }

    @Test
    void everyLineOfTheRouteTableHasAMatrixProbe() {
        Set<String> lines = RouteScopes.ALL.stream().map(Object::toString).collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(PROBES.keySet()))
                .as("add a probe to PROBES for every new line in RouteScopes (and nothing else)")
                .isEqualTo(lines);
    }

    @Test
    void everyGatewayRouteIsAServiceOfTheRouteTableAndBack() {
        Set<String> routed = new TreeSet<>();
        List<String> notByView = new ArrayList<>();
        routeDefinitions.getRouteDefinitions().toStream().forEach(def -> {
            boolean byView = def.getPredicates().stream().anyMatch(p -> p.getName().equals("View"));
            if (!byView) {
                notByView.add(def.getId());
            }
            def.getPredicates().stream().filter(p -> p.getName().equals("View"))
                    .flatMap(p -> p.getArgs().values().stream()).forEach(routed::add);
        });
        Set<String> services = RouteScopes.ALL.stream().map(RouteScopes.RouteScope::service)
                .filter(s -> !s.equals(RouteScopes.GATEWAY)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(notByView).as("gateway routes not chosen by the request view's route line (View=<service>)")
                .isEmpty();
        // travel checks are served by the gateway's own proxy, not by a gateway route: a service whose every
        // line is a travel check (the batch) has no route; the others are routed by View=
        Set<String> onlyTravelChecks = services.stream().filter(s -> RouteScopes.ALL.stream()
                        .filter(l -> l.service().equals(s)).allMatch(l -> l.access().travelCheck()))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(onlyTravelChecks).as("served by the travel-check proxy").isNotEmpty().allSatisfy(s ->
                assertThat(travelCheckProxy.serves(s)).as(s).isTrue());
        Set<String> served = new TreeSet<>(routed);
        served.addAll(onlyTravelChecks);
        assertThat(routed).as("services routed by View= predicates").doesNotContainAnyElementsOf(onlyTravelChecks);
        assertThat(served).as("services routed by View= predicates or the travel-check proxy = services of the route table")
                .isEqualTo(services);
    }

    @Test
    void theApiDescriptionIsOpenAndHasTheGatewaysOwnOperations() {
        // the stub backends serve no real /v3/api-docs: the gateway's own operations at least (gathering:
        // ApiDescriptionsTest)
        String spec = client.get().uri("/openapi.yaml").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(spec).contains("openapi: 3.1.0", "/api/v1/audit/verify", "x-required-scope: audit.read");
        client.get().uri("/openapi.json").exchange().expectStatus().isOk();
    }

    @Test
    void ticketingClientsReachOnlyTravelChecksAndOpenLines() {
        for (String ticketing : List.of("airline-demo", "rail-demo")) {
            assertThat(scopesOfAllowedLines(ticketing)).containsExactlyInAnyOrder("travel.check", RouteScopes.OPEN);
        }
    }

    @Test
    void agenciesReadListsAndSubjectsAndWriteListsButNeverCheckTravelOrWriteTheRegistry() {
        for (RealmClients.Client agency : RealmClients.serviceClients()) {
            if (agency.agency() == null) {
                continue;
            }
            assertThat(scopesOfAllowedLines(agency.clientId())).as(agency.clientId())
                    .containsExactlyInAnyOrder("lists.read", "lists.write", "registry.read", RouteScopes.OPEN);
        }
    }

    @Test
    void theAuditorReadsOnlyTheAuditAndTheCitizenOnlyTheirOwnAccessLog() {
        assertThat(scopesOfAllowedLines("auditor-demo")).containsExactlyInAnyOrder("audit.read", RouteScopes.OPEN);
        assertThat(scopesOfAllowedLines("citizen (credit-web)")).containsExactlyInAnyOrder(RouteScopes.CITIZEN,
                RouteScopes.OPEN);
        assertThat(scopesOfAllowedLines("company representative (credit-portal)")).containsExactlyInAnyOrder(
                RouteScopes.CITIZEN, RouteScopes.COMPANY, RouteScopes.OPEN);
        assertThat(scopesOfAllowedLines("officer (credit-portal)")).containsExactlyInAnyOrder(RouteScopes.DESK,
                RouteScopes.OPEN);
        assertThat(scopesOfAllowedLines("no token")).containsExactly(RouteScopes.OPEN);
        assertThat(allowedRoutes("expired token")).isEmpty();
        assertThat(allowedRoutes("token for another audience")).isEmpty();
    }

    private static Set<String> scopesOfAllowedLines(String kind) {
        Set<String> allowed = allowedRoutes(kind);
        return RouteScopes.ALL.stream().filter(l -> allowed.contains(l.toString())).map(RouteScopes.RouteScope::scope)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> allowedRoutes(String kind) {
        Map<String, Boolean> expected = new LinkedHashMap<>();
        for (Cell cell : cells().toList()) {
            if (cell.kind().name().equals(kind)) {
                expected.put(cell.route().toString(), allowed(cell.route(), cell.kind()));
            }
        }
        assertThat(expected).as("client kind " + kind + " is in the matrix").isNotEmpty();
        return expected.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The rule under test, stated once: the route's scope or platform.admin; the citizen route needs a person. */
    static boolean allowed(RouteScopes.RouteScope route, Kind kind) {
        if (route.open()) {
            // open to everyone; a token that is sent must still be valid
            return kind.denyStatus() != 401 || kind.name().equals("no token");
        }
        if (route.scope().equals(RouteScopes.CITIZEN)) {
            return kind.citizen();
        }
        if (route.scope().equals(RouteScopes.COMPANY)) {
            return kind.company();
        }
        return kind.scopes().contains(route.scope()) || kind.scopes().contains(RouteScopes.ADMIN_SCOPE);
    }

    private String tokenFor(Kind kind, RouteScopes.RouteScope route) {
        String[] allScopes = {route.scope()};
        return switch (kind.name()) {
            case "no token" -> null;
            case "expired token" -> issuer.expiredToken(allScopes);
            case "token for another audience" -> issuer.tokenForAudience("account", allScopes);
            case "citizen (credit-web)" -> issuer.tokenFor("credit-web", null,
                    Map.of("resident_id", CITIZEN_RESIDENT_ID, "preferred_username", "citizen-demo"),
                    "openid", "profile", "email");
            case "company representative (credit-portal)" -> issuer.tokenFor("credit-portal", null,
                    Map.of("resident_id", "440305197508204568", "uscc", "91350200776049653A",
                            "preferred_username", "company-demo"), "openid", "profile", "email");
            case "officer (credit-portal)" -> issuer.tokenFor("credit-portal", "SPC",
                    Map.of("preferred_username", "spc-officer-demo"), "openid", "profile", "email", RouteScopes.DESK);
            default -> {
                RealmClients.Client c = RealmClients.serviceClients().stream()
                        .filter(x -> x.clientId().equals(kind.name())).findFirst().orElseThrow();
                yield issuer.tokenFor(c.clientId(), c.agency(), Map.of(), c.scopes().toArray(String[]::new));
            }
        };
    }

    private WebTestClient.ResponseSpec exchange(Probe probe, String token) {
        WebTestClient.RequestBodySpec request = client.method(probe.method()).uri(probe.pathAndQuery())
                .header("X-Purpose", "SUPERVISION");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (probe.method() == HttpMethod.POST) {
            request.contentType(MediaType.APPLICATION_JSON).bodyValue("{\"probe\":true}");
        }
        return request.exchange();
    }
}
