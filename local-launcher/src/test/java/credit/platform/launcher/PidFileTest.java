package credit.platform.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PidFileTest {

    @Test
    void leftoversOfAKilledStackAreStoppedByTheNextStart(@TempDir Path tmp) throws Exception {
        PidFile pids = new PidFile(tmp.resolve("stack.pids"));
        Process orphan = new ProcessBuilder("sleep", "300").start();
        pids.add("gateway", orphan.toHandle());

        var stopped = new PidFile(tmp.resolve("stack.pids")).stopLeftovers(Duration.ofSeconds(5));

        assertThat(stopped).containsExactly("gateway (pid " + orphan.pid() + ")");
        assertThat(orphan.isAlive()).isFalse();
        assertThat(tmp.resolve("stack.pids")).doesNotExist();
    }

    @Test
    void aStackWhoseLauncherIsStillAliveIsNotKilledButReported(@TempDir Path tmp) throws Exception {
        Process launcher = new ProcessBuilder("sleep", "300").start();
        Process child = new ProcessBuilder("sleep", "300").start();
        try {
            String start = launcher.toHandle().info().startInstant().orElseThrow().toString();
            String childStart = child.toHandle().info().startInstant().orElseThrow().toString();
            Files.writeString(tmp.resolve("stack.pids"), launcher.pid() + " " + start + " owner\n"
                    + child.pid() + " " + childStart + " keycloak\n");

            assertThatThrownBy(() -> new PidFile(tmp.resolve("stack.pids")).stopLeftovers(Duration.ofSeconds(5)))
                    .isInstanceOf(StackStartException.class)
                    .hasMessageContaining("already running in process " + launcher.pid());
            assertThat(child.isAlive()).isTrue();
        } finally {
            launcher.destroyForcibly();
            child.destroyForcibly();
        }
    }

    @Test
    void aReusedPidIsNotTouched(@TempDir Path tmp) throws Exception {
        Process unrelated = new ProcessBuilder("sleep", "300").start();
        try {
            // same pid, but a start instant that is not this process's: the pid was reused by someone else
            Files.writeString(tmp.resolve("stack.pids"), unrelated.pid() + " 2001-01-01T00:00:00Z keycloak\n");

            var stopped = new PidFile(tmp.resolve("stack.pids")).stopLeftovers(Duration.ofSeconds(5));

            assertThat(stopped).isEmpty();
            assertThat(unrelated.isAlive()).isTrue();
        } finally {
            unrelated.destroyForcibly();
        }
    }
}
