package credit.platform.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

/**
 * The images (Jib, configured in the root pom's pluginManagement and declared by every app) and
 * {@code compose.yaml}, checked against the apps themselves and the Kubernetes manifests: one image per
 * app, on a base pinned by digest, running as the uid the pods run as, exposing the app's own ports,
 * started from the app's main class; the compose file runs exactly those images, wired the way the
 * apps' settings and the manifests are. (No Docker engine or registry here: the images are not built by
 * this test, and {@code docker compose config} cannot run; docs/deployment.md says what was built.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImagesAndComposeTest {

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private List<AppConfig> apps;
    private Document rootPom;
    private Map<String, String> rootProperties;
    private Map<String, Object> compose;

    @BeforeAll
    @SuppressWarnings("unchecked")
    void read() throws IOException {
        apps = AppConfig.all();
        rootPom = xml(Manifests.REPO.resolve("pom.xml"));
        rootProperties = properties(rootPom);
        try (Reader r = Files.newBufferedReader(Manifests.REPO.resolve("compose.yaml"))) {
            compose = new Yaml().load(r);
        }
    }

    @Test
    void theBaseImageIsPinnedByDigestAndThePodsUidRunsTheApp() {
        Element jib = jibPlugin(rootPom.getDocumentElement(), "pluginManagement").orElseThrow(
                () -> new AssertionError("root pom: no jib-maven-plugin in pluginManagement"));
        String base = resolve(text(jib, "configuration", "from", "image"), rootProperties);
        assertThat(base).as("base image").matches("[a-z0-9./-]+(:[\\w.-]+)?@sha256:[0-9a-f]{64}");
        assertThat(text(jib, "configuration", "container", "user")).isEqualTo("10001:10001");
        assertThat(text(jib, "configuration", "container", "format")).isEqualTo("OCI");
        // the uid the pods run as (ManifestsTest checks every pod runs as non-root)
        Manifests base_ = Manifests.render("base");
        assertThat(base_.workloads()).allSatisfy(w -> {
            assertThat(w.pod().getSecurityContext().getRunAsUser()).as(w.name()).isEqualTo(10001L);
            assertThat(w.pod().getSecurityContext().getRunAsGroup()).as(w.name()).isEqualTo(10001L);
        });
        assertThat(Manifests.REPO.resolve("k8s/Dockerfile")).as("Jib builds the images").doesNotExist();
    }

    @Test
    void everyAppBuildsItsImageWithItsOwnPortsAndMainClass() {
        List<Executable> checks = apps.stream().<Executable>map(app -> () -> {
            Document pom = xml(Manifests.REPO.resolve(app.module()).resolve("pom.xml"));
            Map<String, String> props = properties(pom);
            assertThat(jibPlugin(pom.getDocumentElement(), "plugins")).as("%s declares jib-maven-plugin", app.module())
                    .isPresent();
            assertThat(props.get("app.port.http")).as("%s app.port.http", app.module())
                    .isEqualTo(String.valueOf(app.httpPort()));
            assertThat(props.get("app.port.management")).as("%s app.port.management", app.module())
                    .isEqualTo(String.valueOf(app.managementPort().orElseThrow()));
            // the image exposes exactly the app's ports: the root's list, or the app's own (no gRPC: the portal)
            List<String> expected = new ArrayList<>(List.of(String.valueOf(app.httpPort()),
                    String.valueOf(app.managementPort().orElseThrow())));
            app.grpcPort().ifPresent(grpc -> expected.add(String.valueOf(grpc)));
            Map<String, String> all = new LinkedHashMap<>(rootProperties);
            all.putAll(props);
            Element own = jibPlugin(pom.getDocumentElement(), "plugins").orElseThrow();
            Element ports = child(own, "configuration").flatMap(c -> child(c, "container")).flatMap(c -> child(c, "ports"))
                    .orElseGet(() -> child(jibPlugin(rootPom.getDocumentElement(), "pluginManagement").orElseThrow(),
                            "configuration").flatMap(c -> child(c, "container")).flatMap(c -> child(c, "ports")).orElseThrow());
            List<String> exposed = new ArrayList<>();
            NodeList portNodes = ports.getElementsByTagName("port");
            for (int i = 0; i < portNodes.getLength(); i++) {
                exposed.add(resolve(portNodes.item(i).getTextContent().strip(), all));
            }
            assertThat(exposed).as("%s image ports", app.module()).containsExactlyElementsOf(expected);
            String main = props.get("app.main.class");
            Path source = Manifests.REPO.resolve(app.module()).resolve("src/main/java")
                    .resolve(main.replace('.', '/') + ".java");
            assertThat(source).as("%s main class %s", app.module(), main).exists();
            assertThat(Files.readString(source)).contains("SpringApplication.run");
        }).toList();
        assertAll(checks);
    }

    @Test
    void theImageNamesAreTheOnesTheManifestsAndComposeRun() {
        Element jib = jibPlugin(rootPom.getDocumentElement(), "pluginManagement").orElseThrow();
        String to = text(jib, "configuration", "to", "image");
        String version = text(rootPom.getDocumentElement(), "version");
        Manifests base = Manifests.render("base");
        Map<String, Object> services = services();
        List<Executable> checks = apps.stream().<Executable>map(app -> () -> {
            Map<String, String> props = new LinkedHashMap<>(rootProperties);
            props.put("project.artifactId", app.module());
            props.put("project.version", version);
            String image = resolve(to, props);
            assertThat(image).isEqualTo("credit-platform/" + app.module() + ":" + version);
            assertThat(base.workload(app.module()).orElseThrow().app().getImage()).as("k8s base image of %s", app.module())
                    .isEqualTo(image.substring(0, image.indexOf(':')));
            assertThat(service(services, app.module()).get("image")).as("compose image of %s", app.module())
                    .isEqualTo(image);
        }).toList();
        assertAll(checks);
    }

    @Test
    void composeRunsARealReplicaSetAndKeycloakAndWiresEveryAppLikeItsSettings() {
        Map<String, Object> services = services();
        assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(concat(List.of("mongodb", "keycloak", "mailpit"),
                apps.stream().map(AppConfig::module).toList()));
        Map<String, Object> mongo = service(services, "mongodb");
        assertThat(String.valueOf(mongo.get("image"))).startsWith("mongo:");
        assertThat(list(mongo.get("command"))).containsSequence("--replSet", "rs0");
        assertThat(String.valueOf(map(mongo.get("healthcheck")).get("test"))).contains("rs.initiate");
        Map<String, Object> keycloak = service(services, "keycloak");
        assertThat(list(keycloak.get("command"))).contains("--import-realm", "--hostname=http://keycloak:8180");
        assertThat(list(keycloak.get("volumes"))).anySatisfy(v -> assertThat(v)
                .startsWith("./keycloak/credit-realm.json:/opt/keycloak/data/import/"));
        List<Executable> checks = new ArrayList<>();
        for (AppConfig app : apps) {
            Map<String, Object> s = service(services, app.module());
            Map<String, Object> env = map(s.get("environment"));
            app.database().ifPresent(db -> checks.add(() -> assertThat(env.get("SPRING_MONGODB_URI"))
                    .as("%s database", app.module()).isEqualTo("mongodb://mongodb:27017/" + db + "?replicaSet=rs0")));
            checks.add(() -> assertThat(env.get("CREDIT_SECURITY_ISSUER_URI")).as("issuer = Keycloak's hostname")
                    .isEqualTo("http://keycloak:8180/realms/credit"));
            checks.add(() -> assertThat(map(s.get("depends_on"))).containsKeys("mongodb", "keycloak"));
            app.channels().keySet().forEach(channel -> checks.add(() -> {
                AppConfig target = served(channel);
                assertThat(env.get("SPRING_GRPC_CLIENT_CHANNEL_" + channel.toUpperCase(Locale.ROOT) + "_TARGET"))
                        .as("%s channel %s", app.module(), channel)
                        .isEqualTo("static://" + target.module() + ":" + target.grpcPort().orElseThrow());
            }));
            app.gatewayUris().keySet().forEach(route -> checks.add(() -> {
                AppConfig target = served(route);
                assertThat(env.get("CREDIT_GATEWAY_" + route.toUpperCase(Locale.ROOT) + "_URI"))
                        .as("gateway route %s", route).isEqualTo("http://" + target.module() + ":" + target.httpPort());
            }));
            // only the gateway and the portal (and Keycloak, for tokens) are published, on their own ports
            checks.add(() -> {
                if (app.module().equals("gateway")) {
                    assertThat(list(s.get("ports"))).containsExactly(app.httpPort() + ":" + app.httpPort(),
                            app.grpcPort().orElseThrow() + ":" + app.grpcPort().orElseThrow());
                } else if (app.module().equals("portal")) {
                    assertThat(list(s.get("ports"))).containsExactly(app.httpPort() + ":" + app.httpPort());
                    assertThat(env.get("CREDIT_PORTAL_GATEWAY_URI")).isEqualTo("http://gateway:8080");
                } else {
                    assertThat(s.get("ports")).as("%s is not published", app.module()).isNull();
                }
            });
        }
        assertAll(checks);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static final Map<String, String> SERVED_BY = Map.of("registry", "registry-service", "lists",
            "blacklist-service", "scoring", "scoring-service", "sanctions", "sanctions-service", "eligibility",
            "sanctions-service");

    private AppConfig served(String channelOrRoute) {
        String module = SERVED_BY.get(channelOrRoute);
        assertThat(module).as("which app serves '%s'?", channelOrRoute).isNotNull();
        return apps.stream().filter(a -> a.module().equals(module)).findFirst().orElseThrow();
    }

    private Map<String, Object> services() {
        return map(compose.get("services"));
    }

    private static Map<String, Object> service(Map<String, Object> services, String name) {
        assertThat(services).as("compose service " + name).containsKey(name);
        return map(services.get(name));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    private static List<String> list(Object o) {
        return o == null ? List.of() : ((List<?>) o).stream().map(String::valueOf).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Document xml(Path file) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> properties(Document pom) {
        Map<String, String> props = new LinkedHashMap<>();
        child(pom.getDocumentElement(), "properties").ifPresent(p -> {
            NodeList nodes = p.getChildNodes();
            for (int i = 0; i < nodes.getLength(); i++) {
                if (nodes.item(i) instanceof Element e) {
                    props.put(e.getTagName(), e.getTextContent().strip());
                }
            }
        });
        return props;
    }

    /** The jib-maven-plugin element under build/&lt;where&gt; ("plugins" or "pluginManagement"). */
    private static Optional<Element> jibPlugin(Element project, String where) {
        Optional<Element> build = child(project, "build");
        Optional<Element> plugins = where.equals("plugins") ? build.flatMap(b -> child(b, "plugins"))
                : build.flatMap(b -> child(b, "pluginManagement")).flatMap(pm -> child(pm, "plugins"));
        return plugins.flatMap(ps -> {
            NodeList nodes = ps.getChildNodes();
            for (int i = 0; i < nodes.getLength(); i++) {
                if (nodes.item(i) instanceof Element plugin
                        && "jib-maven-plugin".equals(child(plugin, "artifactId").map(Node::getTextContent).orElse(""))) {
                    return Optional.of(plugin);
                }
            }
            return Optional.empty();
        });
    }

    private static Optional<Element> child(Element parent, String name) {
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static String text(Element from, String... path) {
        Element e = from;
        for (String p : path) {
            String at = p;
            Element parent = e;
            e = child(e, p).orElseThrow(() -> new AssertionError("no <" + at + "> under <" + parent.getTagName() + ">"));
        }
        return e.getTextContent().strip();
    }

    private static String resolve(String value, Map<String, String> props) {
        Matcher m = PROPERTY.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = props.get(m.group(1));
            assertThat(v).as("property %s", m.group(1)).isNotNull();
            m.appendReplacement(out, Matcher.quoteReplacement(resolve(v, props)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
