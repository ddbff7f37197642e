package credit.platform.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformStackTest {

    @Test
    void keycloakVersionIsFilteredFromThePom() {
        assertThat(PlatformStack.keycloakVersion()).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void aBoundPortIsReportedBusy() throws Exception {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            assertThat(PlatformStack.isPortFree(socket.getLocalPort())).isFalse();
        }
    }

    @Test
    void startRefusesWithAListOfWhatIsMissingWhenNothingIsBuilt(@TempDir Path emptyRepo) {
        StackConfig config = new StackConfig("unit", emptyRepo, 1, 2, 3, null, emptyRepo.resolve("logs"),
                StackConfig.local(emptyRepo).apps(), Duration.ofSeconds(1));
        try (PlatformStack stack = new PlatformStack(config)) {
            assertThatThrownBy(stack::start)
                    .isInstanceOf(StackStartException.class)
                    .hasMessageContaining("realm file missing")
                    .hasMessageContaining("gateway/target/gateway-exec.jar")
                    .hasMessageContaining("Keycloak distribution missing")
                    .hasMessageContaining("./mvnw -DskipTests install");
        }
    }
}
