package credit.platform.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./platform} and {@code .ci/jdk.sh}, run for real by bash in a scratch repository with a fake
 * {@code mvnw} and fake JDKs: which JDK is picked, and which modules are built when.
 */
class PlatformScriptTest {

    private static final Path ROOT = RepoRoot.find();
    private static final List<String> MODULES = List.of("proto", "identifiers", "platform-csv", "platform-secrets",
            "platform-common", "change-feed", "platform-test-support", "platform-client", "registry-service",
            "blacklist-service", "scoring-service", "sanctions-service", "gateway", "portal", "local-launcher", "cli");
    /** Root modules {@code ./platform} does not build: tests, benchmarks and deployment files, none of them run by it. */
    private static final List<String> NOT_RUN = List.of("system-tests", "benchmarks", "k8s");

    @TempDir
    Path tmp;

    record Result(int exit, String out) {
    }

    private Result bash(Path dir, Map<String, String> env, String script) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().remove("JAVA_HOME");
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** A directory that looks like a JDK of the given major version to {@code credit_java_major}. */
    private Path fakeJdk(String name, int major) throws IOException {
        Path home = tmp.resolve(name);
        Path java = home.resolve("bin/java");
        Files.createDirectories(java.getParent());
        executable(java, "#!/usr/bin/env bash\n"
                + "if [[ \"$1\" == -jar ]]; then echo \"launcher started: $*\"; exit 0; fi\n"
                + "echo '    java.specification.version = " + major + "' >&2\n");
        return home;
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private String find(Map<String, String> env) throws Exception {
        Result r = bash(ROOT, env, "source .ci/jdk.sh && credit_find_jdk && echo \"JAVA_HOME=$JAVA_HOME\"");
        return r.out().strip();
    }

    @Test
    void theJdkComesFromJavaHomeThenJavaOnPathThenTheKnownPath() throws Exception {
        Path jdk17 = fakeJdk("jdk17", 17);
        Path jdk21 = fakeJdk("jdk21", 21);
        Path jdk25 = fakeJdk("jdk25", 25);
        String basePath = "/usr/bin:/bin";
        assertThat(find(Map.of("JAVA_HOME", jdk21.toString(), "PATH", jdk25 + "/bin:" + basePath,
                "CREDIT_KNOWN_JDK", jdk25.toString()))).endsWith("JAVA_HOME=" + jdk21);
        assertThat(find(Map.of("JAVA_HOME", jdk17.toString(), "PATH", jdk21 + "/bin:" + basePath,
                "CREDIT_KNOWN_JDK", jdk25.toString()))).endsWith("JAVA_HOME=" + jdk21);
        assertThat(find(Map.of("JAVA_HOME", jdk17.toString(), "PATH", jdk17 + "/bin:" + basePath,
                "CREDIT_KNOWN_JDK", jdk25.toString()))).endsWith("JAVA_HOME=" + jdk25);
        String none = find(Map.of("JAVA_HOME", jdk17.toString(), "PATH", jdk17 + "/bin:" + basePath,
                "CREDIT_KNOWN_JDK", tmp.resolve("nothing").toString()));
        assertThat(none).contains("needs a JDK 21 or newer").contains("Java 17");
        assertThat(none.lines()).noneMatch(line -> line.startsWith("JAVA_HOME="));
    }

    /**
     * On a clean clone nothing is in the Maven repository: a module the stack runs, or one they depend
     * on, missing from the script's list fails the first build (change-feed and portal were, once).
     */
    @Test
    void theScriptBuildsEveryModuleOfTheRootPomButTheTestsBenchmarksAndDeploymentFiles() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        List<String> rootModules = java.util.regex.Pattern.compile("<module>([^<]+)</module>").matcher(pom).results()
                .map(m -> m.group(1)).filter(m -> !NOT_RUN.contains(m)).toList();
        String script = Files.readString(ROOT.resolve("platform"));
        java.util.regex.Matcher list = java.util.regex.Pattern.compile("(?s)\\nmodules=\\(([^)]*)\\)").matcher(script);
        assertThat(list.find()).as("modules=(...) in ./platform").isTrue();
        assertThat(List.of(list.group(1).trim().split("\\s+"))).containsExactlyInAnyOrderElementsOf(rootModules)
                .containsExactlyInAnyOrderElementsOf(MODULES);
    }

    @Test
    void platformBuildsEverythingFirstThenOnlyWhatChangedAndNothingWhenNothingDid() throws Exception {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve(".ci"));
        Files.createDirectories(repo.resolve(".mvn/wrapper"));
        Files.copy(ROOT.resolve("platform"), repo.resolve("platform"));
        Files.copy(ROOT.resolve(".ci/jdk.sh"), repo.resolve(".ci/jdk.sh"));
        Files.writeString(repo.resolve("pom.xml"), "<project/>\n");
        Files.writeString(repo.resolve(".mvn/wrapper/maven-wrapper.properties"), "x=1\n");
        Files.writeString(repo.resolve(".gitignore"), "target/\n.run/\n");
        Map<String, String> dependsOn = Map.of("platform-common", "proto", "registry-service", "platform-common",
                "gateway", "platform-common", "cli", "platform-client");
        for (String m : MODULES) {
            Files.createDirectories(repo.resolve(m + "/src"));
            Files.writeString(repo.resolve(m + "/src/A.java"), "class A {}\n");
            String dependency = dependsOn.get(m);
            Files.writeString(repo.resolve(m + "/pom.xml"), "<project>\n  <parent><artifactId>credit-platform</artifactId></parent>\n"
                    + "  <artifactId>" + m + "</artifactId>\n  <dependencies>\n"
                    + (dependency == null ? "" : "    <dependency>\n      <artifactId>" + dependency + "</artifactId>\n    </dependency>\n")
                    + "    <dependency><artifactId>spring-boot-starter</artifactId></dependency>\n  </dependencies>\n</project>\n");
        }
        // the fake Maven records its arguments, makes target/ of every module, and fails when told to
        executable(repo.resolve("mvnw"), "#!/usr/bin/env bash\n"
                + "echo \"$*\" >> mvnw-calls\n"
                + "for i in $(seq 1 30); do echo \"[INFO] Downloaded from central: https://repo/a$i.jar (1 kB at 1 MB/s)\"; done\n"
                + "echo '[INFO] Building proto 0.1.0-SNAPSHOT                                  [1/2]'\n"
                + "[[ -f fail ]] && { echo '[ERROR] compilation failed'; exit 1; }\n"
                + "for m in " + String.join(" ", MODULES) + "; do mkdir -p $m/target; done\n");
        Path jdk = fakeJdk("jdk21b", 21);
        Map<String, String> env = Map.of("JAVA_HOME", jdk.toString(), "PATH", "/usr/bin:/bin");
        bash(repo, env, "git init -q . && git add -A && git -c user.email=t@t -c user.name=t commit -qm init");

        Result first = bash(repo, env, "./platform --port-offset 7");
        assertThat(first.exit()).as(first.out()).isZero();
        assertThat(first.out()).contains("building 16 modules", "[1/2]", "25 files downloaded from Maven Central", "built in", "launcher started: -jar local-launcher/target/local-launcher.jar --port-offset 7");
        assertThat(calls(repo)).singleElement().satisfies(c -> assertThat(c)
                .isEqualTo("-B -Dmaven.test.skip=true install -pl " + String.join(",", MODULES)));

        Result second = bash(repo, env, "./platform");
        assertThat(second.out()).contains("nothing changed since the last successful build");
        assertThat(calls(repo)).hasSize(1);

        Files.writeString(repo.resolve("platform-common/src/A.java"), "class A { int changed; }\n");
        Files.writeString(repo.resolve("gateway/src/New.java"), "class New {}\n"); // untracked files count too
        Result third = bash(repo, env, "./platform");
        assertThat(third.out()).contains("changed since the last build: platform-common gateway");
        assertThat(calls(repo).getLast()).as("and what depends on them, read from the poms; nothing else")
                .isEqualTo("-B -Dmaven.test.skip=true install -pl platform-common,registry-service,gateway");

        Files.writeString(repo.resolve("cli/src/A.java"), "class A { int broken; }\n");
        Files.writeString(repo.resolve("fail"), "");
        Result failed = bash(repo, env, "./platform");
        assertThat(failed.exit()).isNotZero();
        assertThat(failed.out()).contains("BUILD FAILED", "[ERROR] compilation failed").doesNotContain("launcher started");
        Files.delete(repo.resolve("fail"));
        Result retried = bash(repo, env, "./platform");
        assertThat(retried.out()).as("a failed build is not remembered as done").contains("changed since the last build: cli");
        assertThat(calls(repo).getLast()).isEqualTo("-B -Dmaven.test.skip=true install -pl cli");

        Result forced = bash(repo, env, "./platform --rebuild");
        assertThat(forced.out()).contains("building 16 modules");
    }

    private static List<String> calls(Path repo) throws IOException {
        Path file = repo.resolve("mvnw-calls");
        return Files.exists(file) ? Files.readAllLines(file) : new ArrayList<>();
    }
}
