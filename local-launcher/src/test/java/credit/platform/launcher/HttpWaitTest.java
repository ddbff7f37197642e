package credit.platform.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpWaitTest {

    @Test
    void aComponentThatDiesIsReportedAtOnceWithItsNameAndTheEndOfItsLog(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("registry-service.log");
        Files.writeString(log, IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"))
                + "\nAPPLICATION FAILED TO START\n");
        long t0 = System.nanoTime();

        assertThatThrownBy(() -> HttpWait.awaitOk("registry-service", "http://localhost:" + freePort() + "/actuator/health/readiness",
                Duration.ofSeconds(30), () -> false, log))
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("registry-service exited before it became ready")
                .hasMessageContaining(log.toString())
                .hasMessageContaining("APPLICATION FAILED TO START")
                .hasMessageNotContaining("line 50\n");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aComponentThatNeverAnswersTimesOutNamingItself(@TempDir Path tmp) {
        Path log = tmp.resolve("gateway.log");

        assertThatThrownBy(() -> HttpWait.awaitOk("gateway", "http://localhost:" + freePort() + "/actuator/health/readiness",
                Duration.ofMillis(500), () -> true, log))
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("gateway was not ready within 0 s")
                .hasMessageContaining("log not readable");
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        }
    }
}
