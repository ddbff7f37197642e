package credit.platform.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepoRootTest {

    @Test
    void findsTheRootFromAModuleDirectory(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("keycloak"));
        Files.writeString(tmp.resolve("keycloak/credit-realm.json"), "{}");
        Files.writeString(tmp.resolve("pom.xml"), "<project/>");
        Path module = Files.createDirectories(tmp.resolve("system-tests/target"));

        assertThat(RepoRoot.find(module)).isEqualTo(tmp.toAbsolutePath().normalize());
    }

    @Test
    void failsWithAClearMessageOutsideTheRepository(@TempDir Path tmp) {
        assertThatThrownBy(() -> RepoRoot.find(tmp)).hasMessageContaining("Cannot find the repository root");
    }

    @Test
    void theRealRepositoryIsFoundFromThisModule() {
        assertThat(RepoRoot.find().resolve("local-launcher/pom.xml")).exists();
    }
}
