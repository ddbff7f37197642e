package credit.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import credit.platform.testsupport.MongoTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every public route, three ways: without a token (401), with every scope but the right one (403,
 * nothing reaches a service), with the right scope (the service gets the same path, query and
 * Authorization header). Tokens are real RS256 JWTs checked against the JWKS of {@link TestIssuer}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "credit.gateway.traffic.rate-limits.default.limit=100000",
        "credit.gateway.traffic.rate-limits.travel-check.limit=100000"})
class RouteScopeMatrixTest {

    static final List<String> ALL_SCOPES = List.of("registry.read", "registry.write", "lists.read", "lists.write",
            "scoring.read", "travel.check", "audit.read", "platform.admin");
    // (the gateway's own audit routes are covered by AuthorizationMatrixTest and AuditTest)

    static final TestIssuer issuer = new TestIssuer();
    static final StubBackend registry = new StubBackend("registry");
    static final StubBackend lists = new StubBackend("lists");
    static final StubBackend scoring = new StubBackend("scoring");
    static final StubBackend sanctions = new StubBackend("sanctions");
    static final Map<String, StubBackend> backends = Map.of("registry", registry, "lists", lists, "scoring",
            scoring, "sanctions", sanctions);

    @DynamicPropertySource
    static void routesToStubs(DynamicPropertyRegistry properties) {
        MongoTestServer.register(properties, "audit");
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

    /** The actuator's own port (health with its components, metrics). */
    @Value("${local.management.port}")
    int managementPort;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        backends.values().forEach(StubBackend::reset);
    }

    record Route(HttpMethod method, String pathAndQuery, String scope, String backend) {
        @Override
        public String toString() {
            return method + " " + pathAndQuery + " needs " + scope;
        }
    }

    static Stream<Route> routes() {
        return Stream.of(
                new Route(HttpMethod.POST, "/api/v1/subjects", "registry.write", "registry"),
                new Route(HttpMethod.GET, "/api/v1/subjects/sub-123", "registry.read", "registry"),
                new Route(HttpMethod.GET, "/api/v1/subjects/lookup?scheme=RESIDENT_ID&value=11010519491231002X",
                        "registry.read", "registry"),
                new Route(HttpMethod.GET, "/api/v1/lists", "lists.read", "lists"),
                new Route(HttpMethod.POST, "/api/v1/lists/SPC_DEBTORS/records", "lists.write", "lists"),
                new Route(HttpMethod.GET, "/api/v1/lists/SPC_DEBTORS/records/rec-9", "lists.read", "lists"),
                new Route(HttpMethod.GET, "/api/v1/records?subjectId=sub-123", "lists.read", "lists"),
                new Route(HttpMethod.GET, "/api/v1/scores/sub-123", "scoring.read", "scoring"),
                new Route(HttpMethod.POST, "/api/v1/travel-checks", "travel.check", "sanctions"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void withoutATokenTheRouteAnswers401ProblemJson(Route route) {
        exchange(route, null)
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://credit.example/problems/unauthenticated")
                .jsonPath("$.title").isEqualTo("Unauthenticated")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.trace").doesNotExist();
        assertNothingReachedAnyBackend();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void withEveryOtherScopeTheRouteAnswers403ProblemJson(Route route) {
        String[] otherScopes = ALL_SCOPES.stream()
                .filter(s -> !s.equals(route.scope()) && !s.equals("platform.admin"))
                .toArray(String[]::new);
        exchange(route, issuer.token(otherScopes))
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://credit.example/problems/forbidden")
                .jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.detail").isNotEmpty();
        assertNothingReachedAnyBackend();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void withTheRightScopeTheRequestReachesItsServiceUnchanged(Route route) {
        String token = issuer.token(route.scope());
        exchange(route, token)
                .expectStatus().isOk()
                .expectBody().jsonPath("$.backend").isEqualTo(route.backend());
        assertRelayed(route, token);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void platformAdminMayCallEveryRoute(Route route) {
        String token = issuer.token("platform.admin");
        exchange(route, token).expectStatus().isOk();
        assertRelayed(route, token);
    }

    @Test
    void aRelayHeaderSentByTheCallerIsReplacedByTheGatewaysOwn() {
        String token = issuer.token("registry.read");
        client.get().uri("/api/v1/subjects/sub-123").header("X-Purpose", "SUPERVISION")
                .header("Authorization", "Bearer " + token).header("X-Credit-Gateway", "Bearer " + token)
                .exchange().expectStatus().isOk();
        assertThat(registry.received()).singleElement().satisfies(r -> {
            assertThat(r.relay()).isNotEqualTo("Bearer " + token);
            assertThat(claims(r.relay().substring(7))).contains("platform.internal");
        });
    }

    static String claims(String jwt) {
        return new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void readScopeDoesNotAllowWritingSubjects() {
        exchange(new Route(HttpMethod.POST, "/api/v1/subjects", "registry.read", "registry"),
                issuer.token("registry.read", "lists.write"))
                .expectStatus().isForbidden();
        assertNothingReachedAnyBackend();
    }

    @Test
    void unlistedMethodsAndPathsAreDeniedEvenToTheAdmin() {
        String admin = issuer.token(ALL_SCOPES.toArray(String[]::new));
        exchange(new Route(HttpMethod.DELETE, "/api/v1/subjects/sub-123", "-", "registry"), admin)
                .expectStatus().isForbidden();
        exchange(new Route(HttpMethod.GET, "/api/v1/unknown", "-", "-"), admin)
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        exchange(new Route(HttpMethod.GET, "/actuator/env", "-", "-"), admin)
                .expectStatus().isForbidden();
        assertNothingReachedAnyBackend();
    }

    @Test
    void tokensForAnotherAudienceAreRejected() {
        assertInvalidToken(issuer.tokenForAudience("account", "registry.read"));
    }

    @Test
    void tokensFromAnotherIssuerAreRejected() {
        assertInvalidToken(issuer.tokenFromIssuer("http://evil.example/realms/credit", "registry.read"));
    }

    @Test
    void expiredTokensAreRejected() {
        assertInvalidToken(issuer.expiredToken("registry.read"));
    }

    @Test
    void tokensSignedWithAnUnknownKeyAreRejected() {
        assertInvalidToken(issuer.tokenSignedByAnotherKey("registry.read"));
    }

    @Test
    void healthIsOpen() {
        WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build()
                .get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/livez").exchange().expectStatus().isOk();
        client.get().uri("/readyz").exchange().expectStatus().isOk();
    }

    private void assertInvalidToken(String token) {
        exchange(new Route(HttpMethod.GET, "/api/v1/subjects/sub-123", "registry.read", "registry"), token)
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .expectBody().jsonPath("$.type").isEqualTo("https://credit.example/problems/unauthenticated");
        assertNothingReachedAnyBackend();
    }

    private WebTestClient.ResponseSpec exchange(Route route, String token) {
        WebTestClient.RequestBodySpec request = client.method(route.method()).uri(route.pathAndQuery())
                .header("X-Purpose", "SUPERVISION");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (route.method() == HttpMethod.POST) {
            request.contentType(MediaType.APPLICATION_JSON).bodyValue("{\"probe\":true}");
        }
        return request.exchange();
    }

    private void assertRelayed(Route route, String token) {
        StubBackend backend = backends.get(route.backend());
        assertThat(backend.received()).singleElement().satisfies(received -> {
            assertThat(received.method()).isEqualTo(route.method().name());
            assertThat(received.pathAndQuery()).isEqualTo(route.pathAndQuery());
            assertThat(received.authorization()).isEqualTo("Bearer " + token);
            // beside the caller's token, the gateway's own: the service's proof the request came this way
            assertThat(received.relay()).startsWith("Bearer ");
            assertThat(claims(received.relay().substring(7))).contains("platform.internal");
            if (route.method() == HttpMethod.POST) {
                assertThat(received.body()).isEqualTo("{\"probe\":true}");
            }
        });
        backends.values().stream().filter(b -> b != backend)
                .forEach(other -> assertThat(other.received()).as(other.name()).isEmpty());
    }

    private void assertNothingReachedAnyBackend() {
        backends.values().forEach(b -> assertThat(b.received()).as(b.name()).isEmpty());
    }

}
