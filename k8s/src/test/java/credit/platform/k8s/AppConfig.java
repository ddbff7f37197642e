package credit.platform.k8s;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * What an app's own {@code src/main/resources/application.yml} says about its wiring: ports, the
 * gRPC channels it calls, the services its gateway routes reach, its default database. The manifests
 * are checked against this, so a port or a new channel changed in the app without the manifests
 * fails the build.
 */
record AppConfig(String module, int httpPort, Optional<Integer> grpcPort, Map<String, String> channels,
        Map<String, String> gatewayUris, Optional<String> database, boolean probesEnabled,
        Optional<Integer> managementPort, boolean probesOnApiPort, List<String> exposedEndpoints) {

    private static final Pattern GATEWAY_URI = Pattern.compile("\\$\\{credit\\.gateway\\.([a-z]+)-uri:([^}]+)}");
    /** A property that follows a Spring gRPC setting it does not declare (the gateway's front door). */
    private static final Pattern GRPC_PORT_PLACEHOLDER = Pattern.compile("\\$\\{spring\\.grpc\\.server\\.port:(\\d+)}");
    private static final Pattern CHANNEL_PLACEHOLDER =
            Pattern.compile("\\$\\{spring\\.grpc\\.client\\.channel\\.([a-z]+)\\.target:([^}]+)}");

    /** Every module with an application.yml is an app that runs in the cluster. */
    static List<AppConfig> all() {
        try (Stream<Path> modules = Files.list(Manifests.REPO)) {
            return modules.filter(m -> Files.exists(yml(m))).map(AppConfig::read)
                    .sorted((a, b) -> a.module.compareTo(b.module)).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static AppConfig of(String module) {
        return read(Manifests.REPO.resolve(module));
    }

    private static Path yml(Path module) {
        return module.resolve("src/main/resources/application.yml");
    }

    @SuppressWarnings("unchecked")
    private static AppConfig read(Path module) {
        String text;
        Map<String, Object> root = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(yml(module))) {
            text = Files.readString(yml(module));
            for (Object doc : new Yaml().loadAll(r)) {
                // a document activated on a profile (e.g. the development secrets' "!production") is not
                // what the app's ports and channels default to
                if (doc instanceof Map<?, ?> m && path((Map<String, Object>) m, "spring", "config", "activate").isEmpty()) {
                    root.putAll((Map<String, Object>) m);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int http = ((Number) path(root, "server", "port").orElseThrow(
                () -> new IllegalStateException(module + ": application.yml has no server.port"))).intValue();
        Optional<Integer> grpc = path(root, "spring", "grpc", "server", "port").map(p -> ((Number) p).intValue());
        Matcher portPlaceholder = GRPC_PORT_PLACEHOLDER.matcher(text);
        if (grpc.isEmpty() && portPlaceholder.find()) {
            grpc = Optional.of(Integer.parseInt(portPlaceholder.group(1)));
        }
        Map<String, String> channels = new TreeMap<>();
        path(root, "spring", "grpc", "client", "channel").ifPresent(c -> ((Map<String, Object>) c)
                .forEach((name, conf) -> channels.put(name, String.valueOf(((Map<String, Object>) conf).get("target")))));
        Matcher channelPlaceholder = CHANNEL_PLACEHOLDER.matcher(text);
        while (channelPlaceholder.find()) {
            channels.putIfAbsent(channelPlaceholder.group(1), channelPlaceholder.group(2));
        }
        Map<String, String> gatewayUris = new TreeMap<>();
        Matcher m = GATEWAY_URI.matcher(text);
        while (m.find()) {
            gatewayUris.put(m.group(1), m.group(2));
        }
        Optional<String> database = path(root, "spring", "mongodb", "uri")
                .map(u -> String.valueOf(u).replaceAll("^.*/", ""));
        boolean probes = path(root, "management", "endpoint", "health", "probes", "enabled")
                .map(Boolean.TRUE::equals).orElse(false);
        Optional<Integer> management = path(root, "management", "server", "port").map(p -> ((Number) p).intValue());
        boolean probesOnApiPort = path(root, "management", "endpoint", "health", "probes", "add-additional-paths")
                .map(Boolean.TRUE::equals).orElse(false);
        List<String> exposed = path(root, "management", "endpoints", "web", "exposure", "include")
                .map(v -> List.of(String.valueOf(v).split("\\s*,\\s*"))).orElse(List.of());
        return new AppConfig(module.getFileName().toString(), http, grpc, channels, gatewayUris, database, probes,
                management, probesOnApiPort, exposed);
    }

    @SuppressWarnings("unchecked")
    private static Optional<Object> path(Map<String, Object> root, String... keys) {
        Object node = root;
        for (String k : keys) {
            if (!(node instanceof Map<?, ?> m) || !m.containsKey(k)) {
                return Optional.empty();
            }
            node = ((Map<String, Object>) m).get(k);
        }
        return Optional.ofNullable(node);
    }
}
