package credit.platform.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Keycloak version is declared once, as {@code keycloak.version} in the root {@code pom.xml} (the
 * launcher's distribution comes from it). Files that cannot read a Maven property — container images in
 * Kubernetes manifests or a compose file — must name the same version; docs name none.
 */
class KeycloakVersionTest {

    private static final Path ROOT = RepoRoot.find();
    /** A Keycloak container image with its tag. */
    private static final Pattern IMAGE = Pattern.compile("keycloak/keycloak:([0-9][^\\s\"']*)");
    /** A version number written next to the word Keycloak in prose. */
    private static final Pattern PROSE = Pattern.compile("(?i)keycloak[ -]v?(\\d+\\.\\d+(?:\\.\\d+)?)");
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", ".cache", ".run", "node_modules");

    @Test
    void everyKeycloakImageUsesTheVersionOfTheRootPom() throws IOException {
        String declared = PlatformStack.keycloakVersion();
        List<String> images = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Path file : textFiles()) {
            Matcher m = IMAGE.matcher(read(file));
            while (m.find()) {
                images.add(ROOT.relativize(file) + ": " + m.group());
                if (!m.group(1).equals(declared)) {
                    wrong.add(ROOT.relativize(file) + ": " + m.group());
                }
            }
        }
        assertThat(images).as("the dev overlay runs a Keycloak image").isNotEmpty();
        assertThat(wrong).as("Keycloak images whose tag is not keycloak.version (" + declared + ") of the root pom")
                .isEmpty();
    }

    @Test
    void noDocumentWritesTheKeycloakVersionAgain() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : textFiles()) {
            if (!file.toString().endsWith(".md")) {
                continue;
            }
            Matcher m = PROSE.matcher(read(file));
            while (m.find()) {
                found.add(ROOT.relativize(file) + ": " + m.group());
            }
        }
        assertThat(found).as("docs should point at keycloak.version in the root pom instead of repeating it").isEmpty();
    }

    private static List<Path> textFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(p -> ROOT.relativize(p).getNameCount() > 0)
                    .filter(p -> {
                        for (Path part : ROOT.relativize(p)) {
                            if (SKIPPED_DIRS.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(md|ya?ml|json|properties|xml|sh|txt)$")
                            || p.getFileName().toString().equals("Dockerfile"))
                    .toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (MalformedInputException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
