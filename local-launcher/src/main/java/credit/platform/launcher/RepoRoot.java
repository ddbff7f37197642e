package credit.platform.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root from the current directory (repo root for ./platform, a module dir for tests). */
public final class RepoRoot {

    private RepoRoot() {
    }

    public static Path find() {
        return find(Path.of("").toAbsolutePath());
    }

    public static Path find(Path start) {
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("keycloak/credit-realm.json")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("Cannot find the repository root (a directory with pom.xml and "
                + "keycloak/credit-realm.json) at or above " + start.toAbsolutePath());
    }
}
