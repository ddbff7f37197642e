package credit.platform.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The actuator on its own port, as every service runs it: Prometheus and health answer there without a
 * token (the network policy decides who reaches that port), the probes answer on the API port too
 * ({@code /livez}, {@code /readyz}), and the API port serves no metrics to anyone.
 */
@SpringBootTest(classes = RestRouteSecurityTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.grpc.server.port=0", "management.server.port=0", "management.server.address=127.0.0.1",
                "management.endpoints.web.exposure.include=health,prometheus",
                "management.endpoint.health.probes.enabled=true",
                "management.endpoint.health.probes.add-additional-paths=true"})
class ManagementPortSecurityTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void prometheusAndHealthAnswerOnTheManagementPortWithoutAToken() throws Exception {
        HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus");

        assertThat(managementPort).isNotEqualTo(port);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertThat(get(managementPort, "/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void theApiPortServesProbesButNoMetrics() throws Exception {
        assertThat(get(port, "/livez").statusCode()).isEqualTo(200);
        assertThat(get(port, "/readyz").statusCode()).isEqualTo(200);
        assertThat(get(port, "/actuator/prometheus").statusCode()).isIn(401, 404);
        assertThat(get(port, "/actuator/prometheus").body()).doesNotContain("jvm_memory_used_bytes");
    }

    @Test
    void endpointsThatAreNotExposedStayClosedOnTheManagementPort() throws Exception {
        assertThat(get(managementPort, "/actuator/env").statusCode()).isIn(401, 404);
    }

    private HttpResponse<String> get(int onPort, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + onPort + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
