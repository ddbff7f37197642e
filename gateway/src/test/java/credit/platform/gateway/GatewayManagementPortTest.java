package credit.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import credit.platform.testsupport.MongoTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway's actuator on its own port: Prometheus there without a token, nothing of it on the
 * public port (where only the probes {@code /livez} and {@code /readyz} answer).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayManagementPortTest {

    static final TestIssuer issuer = new TestIssuer();

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry properties) {
        MongoTestServer.register(properties, "audit-management");
        properties.add("credit.security.issuer-uri", issuer::issuerUri);
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Value("${local.server.port}")
    int port;

    @Value("${local.management.port}")
    int managementPort;

    @Test
    void prometheusAnswersOnTheManagementPortWithoutAToken() {
        String body = client(managementPort).get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(managementPort).isNotEqualTo(port);
        assertThat(body).contains("jvm_memory_used_bytes");
    }

    @Test
    void thePublicPortHasTheProbesButNoMetrics() {
        client(port).get().uri("/livez").exchange().expectStatus().isOk();
        client(port).get().uri("/readyz").exchange().expectStatus().isOk();
        client(port).get().uri("/actuator/prometheus").exchange().expectStatus().value(s -> assertThat(s).isIn(401, 403, 404));
    }

    private static WebTestClient client(int port) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }
}
