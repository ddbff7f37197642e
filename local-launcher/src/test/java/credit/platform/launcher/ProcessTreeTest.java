package credit.platform.launcher;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ProcessTreeTest {

    @Test
    void stopEndsTheProcessAndEveryDescendant() throws Exception {
        Process shell = new ProcessBuilder("bash", "-c", "sleep 300 & sleep 300 & wait").start();
        List<ProcessHandle> children = awaitChildren(shell, 2);

        boolean graceful = ProcessTree.stop(shell.toHandle(), Duration.ofSeconds(10));

        assertThat(graceful).isTrue();
        assertThat(shell.isAlive()).isFalse();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void processesThatIgnoreSigtermAreKilledAfterTheGracePeriod() throws Exception {
        // bash and its sleep both ignore SIGTERM
        Process shell = new ProcessBuilder("bash", "-c", "trap '' TERM; sleep 300 & wait").start();
        List<ProcessHandle> children = awaitChildren(shell, 1);
        long t0 = System.nanoTime();

        boolean graceful = ProcessTree.stop(shell.toHandle(), Duration.ofSeconds(1));

        assertThat(graceful).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        assertThat(shell.isAlive()).isFalse();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
    }

    private static List<ProcessHandle> awaitChildren(Process p, int n) {
        await().atMost(Duration.ofSeconds(10)).until(() -> p.toHandle().descendants().count() >= n);
        return p.toHandle().descendants().toList();
    }
}
