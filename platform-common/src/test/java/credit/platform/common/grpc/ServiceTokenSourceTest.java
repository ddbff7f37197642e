package credit.platform.common.grpc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import credit.platform.common.security.PlatformSecurityProperties;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

class ServiceTokenSourceTest {

    /**
     * A token endpoint that accepts the connection and never answers (an overloaded or wedged Keycloak):
     * the fetch fails instead of holding the token's lock — and every caller waiting for a renewed
     * token — for ever. (Found by the front door's soak, where the gateway's relay-token renewal hung.)
     * The preemptive bound only catches a hang; it is far above the read timeout.
     */
    @Test
    void aTokenEndpointThatNeverAnswersFailsTheFetchInsteadOfHangingIt() throws IOException {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofPlatform().daemon().start(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept()); // read nothing, answer nothing
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            ServiceTokenSource tokens = new ServiceTokenSource(new PlatformSecurityProperties("http://issuer",
                    "credit-platform", "http://127.0.0.1:" + silent.getLocalPort() + "/token", "client", "secret"),
                    RestClient.builder(), Clock.systemUTC());

            assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> assertThatThrownBy(tokens::token).isInstanceOf(RuntimeException.class));
            acceptor.interrupt();
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
