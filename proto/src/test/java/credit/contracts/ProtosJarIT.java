package credit.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The published contracts ({@code proto-<version>-protos.jar}, built in {@code package}) hold every
 * {@code .proto} of {@code src/main/proto} byte for byte, at the paths their imports use, and nothing
 * they import is missing (only protobuf's own well-known types come from elsewhere).
 */
class ProtosJarIT {

    private static final Path SOURCES = Path.of("src/main/proto");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import\\s+(?:public\\s+)?\"([^\"]+)\";");

    @Test
    void theProtosJarHoldsEveryContractAndEverythingTheyImport() throws IOException {
        Path jar;
        try (Stream<Path> target = Files.list(Path.of("target"))) {
            jar = target.filter(p -> p.getFileName().toString().endsWith("-protos.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no target/proto-*-protos.jar"));
        }
        Map<String, String> published = new TreeMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry e : java.util.Collections.list(file.entries())) {
                if (e.getName().endsWith(".proto")) {
                    published.put(e.getName(), new String(file.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".proto")).toList()) {
                sources.put(SOURCES.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        }
        assertThat(published).isEqualTo(sources);
        List<String> unresolved = new ArrayList<>();
        published.forEach((name, text) -> {
            Matcher m = IMPORT.matcher(text);
            while (m.find()) {
                if (!m.group(1).startsWith("google/protobuf/") && !published.containsKey(m.group(1))) {
                    unresolved.add(name + " imports " + m.group(1));
                }
            }
        });
        assertThat(unresolved).isEmpty();
        assertThat(jar.getFileName().toString()).matches("proto-\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?-protos\\.jar");
    }
}
