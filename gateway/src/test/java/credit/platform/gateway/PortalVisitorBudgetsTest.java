package credit.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import credit.platform.gateway.request.PortalVisitors;
import credit.platform.testsupport.MongoTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The portal's anonymous visitors each have their own budget (docs/portal.md): the portal calls the
 * open routes with its own token and names the visitor in {@code X-Portal-Visitor}; the gateway counts
 * such a call as that visitor's anonymous request. The header is honoured from the portal's client
 * only: an anonymous caller or another client that sends it changes nothing — a flood with a fresh
 * forged address each time is still refused and never reaches the service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "credit.gateway.traffic.rate-limits.anonymous.limit=2",
        "credit.gateway.traffic.rate-limits.anonymous.period=60s",
        "credit.gateway.traffic.rate-limits.citizen.limit=2",
        "credit.gateway.traffic.rate-limits.citizen.period=60s",
        "credit.gateway.traffic.rate-limits.default.limit=3",
        "credit.gateway.traffic.rate-limits.default.period=60s"})
class PortalVisitorBudgetsTest {

    static final TestIssuer issuer = new TestIssuer();
    static final StubBackend registry = new StubBackend("registry");
    static final String COMPANY = "/api/v1/public/companies/91350100M000100Y43";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) {
        MongoTestServer.register(properties, "audit-portal-visitors");
        properties.add("credit.security.issuer-uri", issuer::issuerUri);
        properties.add("credit.gateway.registry-uri", registry::uri);
        properties.add("credit.security.token-uri", () -> issuer.issuerUri() + "/protocol/openid-connect/token");
    }

    @AfterAll
    static void stop() {
        issuer.close();
        registry.close();
    }

    @Value("${local.server.port}")
    int port;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
        registry.reset();
    }

    /** The portal's own client-credentials token (no person signed in). */
    static String portal() {
        return issuer.tokenFor("credit-portal", null, Map.of());
    }

    WebTestClient.ResponseSpec company(String token, String visitor) {
        return client.get().uri(COMPANY).headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
            if (visitor != null) {
                h.set(PortalVisitors.HEADER, visitor);
            }
        }).exchange();
    }

    @Test
    void eachVisitorOfThePortalHasTheirOwnAnonymousBudget() {
        company(portal(), "203.0.113.7").expectStatus().isOk();
        company(portal(), "203.0.113.7").expectStatus().isOk();
        company(portal(), "203.0.113.7").expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Retry-After");
        // another visitor of the same portal is not held back by the first
        company(portal(), "203.0.113.8").expectStatus().isOk();
        company(portal(), "2001:db8::8").expectStatus().isOk();
        assertThat(registry.received()).hasSize(4);
    }

    @Test
    void aVisitorCountsTheSameThroughThePortalOrDirectlyAndForgingTheHeaderWithoutThePortalsTokenGainsNothing() {
        // this test's client connects from 127.0.0.1: as the portal's visitor it shares that address's budget
        company(null, null).expectStatus().isOk();
        company(portal(), "127.0.0.1").expectStatus().isOk();
        // an anonymous flood naming a fresh address each time is still counted by its own socket address
        for (int i = 0; i < 20; i++) {
            company(null, "198.51.100." + i).expectStatus().isEqualTo(429);
        }
        company(portal(), "127.0.0.1").expectStatus().isEqualTo(429);
        assertThat(registry.received()).hasSize(2);
    }

    @Test
    void anotherClientOrAPersonSendingTheHeaderIsCountedAsThemselves() {
        // another client: its own default budget (3), whatever addresses it names
        String other = issuer.tokenFor("airline-demo", null, Map.of(), "travel.check");
        for (int i = 0; i < 3; i++) {
            company(other, "198.51.100." + (100 + i)).expectStatus().isOk();
        }
        company(other, "198.51.100.99").expectStatus().isEqualTo(429);
        // a person signed in at the portal (same client id): their own citizen budget (2), never a visitor's
        String person = issuer.tokenFor("credit-portal", null, Map.of("resident_id", "11010519491231002X",
                "sub", "person-1"));
        company(person, "198.51.100.200").expectStatus().isOk();
        company(person, "198.51.100.201").expectStatus().isOk();
        company(person, "198.51.100.202").expectStatus().isEqualTo(429);
        assertThat(registry.received()).hasSize(5);
    }

    @Test
    void aVisitorHeaderThatNamesNoAddressIsRefusedAndNothingIsForwarded() {
        for (String bad : List.of("example.org", "203.0.113.256", "1.2.3", "::g", "203.0.113.7, 203.0.113.8", "")) {
            company(portal(), bad).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.errors[0].field").isEqualTo(PortalVisitors.HEADER)
                    .jsonPath("$.errors[0].rule").isEqualTo("ip-address");
        }
        assertThat(registry.received()).isEmpty();
    }

    @Test
    void withoutAVisitorThePortalIsOneClientWithItsOwnBudget() {
        String portal = issuer.tokenFor("credit-portal", null, Map.of("sub", "service-account-portal-2"));
        // counted as client:credit-portal (default budget 3), not by any address
        company(portal, null).expectStatus().isOk();
        company(portal, null).expectStatus().isOk();
        company(portal, null).expectStatus().isOk();
        company(portal, null).expectStatus().isEqualTo(429);
    }
}
