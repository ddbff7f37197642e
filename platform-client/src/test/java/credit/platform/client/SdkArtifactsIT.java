package credit.platform.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The SDK ships as a product: its sources jar holds every source file, its javadoc jar documents the API. */
class SdkArtifactsIT {

    private static List<String> entries(String suffix) throws IOException {
        Path jar;
        try (Stream<Path> target = Files.list(Path.of("target"))) {
            jar = target.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no target/*" + suffix));
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            return Collections.list(file.entries()).stream().map(JarEntry::getName).toList();
        }
    }

    @Test
    void theSourcesJarHoldsEverySourceFile() throws IOException {
        List<String> sources = entries("-sources.jar");
        Path root = Path.of("src/main/java");
        try (Stream<Path> walk = Files.walk(root)) {
            List<String> expected = walk.filter(p -> p.toString().endsWith(".java"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).toList();
            assertThat(sources).containsAll(expected);
            assertThat(expected).contains("credit/platform/client/travel/ReceiptVerifier.java");
        }
    }

    @Test
    void theJavadocJarDocumentsThePublicApiButNotTheInternals() throws IOException {
        List<String> docs = entries("-javadoc.jar");
        assertThat(docs).contains("index.html", "credit/platform/client/PlatformClient.html",
                "credit/platform/client/travel/ReceiptVerifier.html", "credit/platform/client/registry/RegistryApi.html");
        assertThat(docs).noneMatch(d -> d.startsWith("credit/platform/client/internal/"));
    }
}
