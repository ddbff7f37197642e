package credit.platform.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import credit.lists.v1.ListsServiceGrpc;
import credit.sanctions.v1.TravelCheckServiceGrpc;
import io.grpc.Attributes;
import io.grpc.BindableService;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.grpc.server.security.CallContext;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service's ports serve outside callers only as relayed by the gateway: a well-scoped agency token
 * alone is 403 {@code gateway-required}; with the gateway's own token (service identity) beside it,
 * served; the service identity itself needs no relay. The same for the front-door RPCs; the internal
 * RPCs stay reserved to the service identity whatever is relayed. Also: bad input to a service is a
 * problem (415, 400), never a 500. Tokens here are decoded by a stand-in decoder (the real decoder's
 * checks are the gateway's and the system tests' concern).
 */
@SpringBootTest(classes = GatewayRelayTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.grpc.server.port=0")
class GatewayRelayTest {

    /** Token value → its scopes, as the stand-in decoder reads them. */
    static final Map<String, String> TOKENS = Map.of(
            "agency", "lists.read registry.read",
            "service", "lists.read registry.read platform.internal",
            "admin", "platform.admin");

    static final JwtDecoder DECODER = token -> {
        String scopes = TOKENS.get(token);
        if (scopes == null) {
            throw new BadJwtException("unknown test token");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").claim("scope", scopes).claim("azp", token)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300)).build();
    };

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aWellScopedTokenThatBypassedTheGatewayIsRefusedAndTheRelayedOneServed() throws Exception {
        HttpResponse<String> direct = send("GET", "/private/thing", "agency", null, null, null);
        assertThat(direct.statusCode()).isEqualTo(403);
        assertThat(direct.body()).contains("/problems/gateway-required");

        assertThat(send("GET", "/private/thing", "agency", "service", null, null).statusCode()).isEqualTo(200);
        // a relay header must hold the service identity: another agency token is no relay
        assertThat(send("GET", "/private/thing", "agency", "agency", null, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/private/thing", "agency", "forged", null, null).statusCode()).isEqualTo(403);
        // the service identity itself (a service calling another) needs no relay; the admin does
        assertThat(send("GET", "/private/thing", "service", null, null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/private/thing", "admin", null, null, null).statusCode()).isEqualTo(403);
        // the relay does not stand in for the caller's scope
        assertThat(send("GET", "/private/thing", null, "service", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void bodiesThatAreNotJsonAre415AndMalformedJsonIs400NeverA500() throws Exception {
        for (String type : new String[] {"text/plain", "application/xml", "application/x-www-form-urlencoded"}) {
            HttpResponse<String> response = send("POST", "/public/echo", null, null, type, "<check/>");
            assertThat(response.statusCode()).as(type).isEqualTo(415);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(response.body()).contains("/problems/unsupported-media-type");
        }
        HttpResponse<String> malformed = send("POST", "/public/echo", null, null, "application/json", "{\"a\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("readable-json");
        assertThat(send("POST", "/public/echo", null, null, "application/json", "{\"a\":1}").statusCode())
                .isEqualTo(200);
    }

    /** The gateway's audit reads the same body: a field given twice has no single meaning, so it is refused. */
    @Test
    void aFieldGivenTwiceInOneObjectIs400WhereverItIs() throws Exception {
        for (String body : new String[] {"{\"a\":1,\"a\":2}", "{\"d\":{\"n\":\"x\",\"t\":1,\"n\":\"y\"}}",
                "{\"c\":[{\"d\":{}},{\"d\":{},\"d\":null}]}", "{\"\\u0061\":1,\"a\":2}"}) {
            HttpResponse<String> response = send("POST", "/public/echo", null, null, "application/json", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.body()).as(body).contains("readable-json");
        }
        assertThat(send("POST", "/public/echo", null, null, "application/json",
                "{\"d\":{\"n\":1},\"e\":{\"n\":2}}").statusCode()).isEqualTo(200);
    }

    @Test
    void frontDoorRpcsNeedTheRelayAndInternalOnesTheServiceIdentityWhateverIsRelayed() {
        ProtoScopeAuthorizationManager manager = new ProtoScopeAuthorizationManager(
                new GatewayRelay(DECODER, true, Clock.systemUTC()));
        var travel = TravelCheckServiceGrpc.getCheckTravelMethod();
        assertThat(granted(manager, travel, null, "travel.check")).isFalse();
        assertThat(granted(manager, travel, "service", "travel.check")).isTrue();
        assertThat(granted(manager, travel, "agency", "travel.check")).isFalse();
        var snapshot = ListsServiceGrpc.getSnapshotMethod();
        assertThat(granted(manager, snapshot, "service", "lists.read")).isFalse();
        assertThat(granted(manager, snapshot, null, "lists.read", "platform.internal")).isTrue();
    }

    private static boolean granted(ProtoScopeAuthorizationManager manager, MethodDescriptor<?, ?> method, String relay,
            String... scopes) {
        TestingAuthenticationToken auth = new TestingAuthenticationToken("client", "n/a",
                Arrays.stream(scopes).map(s -> "SCOPE_" + s).toArray(String[]::new));
        auth.setAuthenticated(true);
        Metadata headers = new Metadata();
        if (relay != null) {
            headers.put(GatewayRelay.METADATA_KEY, "Bearer " + relay);
        }
        return manager.authorize(() -> auth, new CallContext(headers, Attributes.EMPTY, method)).isGranted();
    }

    private HttpResponse<String> send(String method, String path, String token, String relay, String type, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (relay != null) {
            request.header(GatewayRelay.HEADER, "Bearer " + relay);
        }
        if (type != null) {
            request.header("Content-Type", type);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SpringBootApplication
    @RestController
    static class App {

        @Bean
        JwtDecoder testDecoder() {
            return DECODER;
        }

        /** Any gRPC service: the platform's gRPC security (and its server) come up as in a real service. */
        @Bean
        BindableService emptyGrpcService() {
            return () -> ServerServiceDefinition.builder("test.Empty").build();
        }

        @Bean
        RestRoute privateThing() {
            return RestRoute.get("/private/**", "lists.read");
        }

        @Bean
        RestRoute publicEcho() {
            return new RestRoute(HttpMethod.POST, "/public/echo", RestRoute.OPEN);
        }

        @GetMapping("/private/thing")
        String privateThing2() {
            return "private";
        }

        @PostMapping("/public/echo")
        Map<String, Object> echo(@RequestBody Map<String, Object> body) {
            return body;
        }
    }
}
