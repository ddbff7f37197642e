package credit.platform.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One rendered kustomization (base or overlay): the objects {@code kubectl kustomize} prints, typed by
 * fabric8. {@code kubectl} renders offline (no cluster); where it is missing the overlay tests are
 * skipped with that reason.
 */
record Manifests(String name, List<HasMetadata> objects) {

    static final Path MODULE_DIR = Path.of("").toAbsolutePath();
    static final Path REPO = MODULE_DIR.getParent();

    static Optional<String> kubectl() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, "kubectl");
            if (Files.isExecutable(p)) {
                return Optional.of(p.toString());
            }
        }
        return Optional.empty();
    }

    /** Renders {@code k8s/<folder>}; the dev overlay reads the realm file outside its folder. */
    static Manifests render(String folder) {
        String kubectl = kubectl().orElseThrow(() -> new IllegalStateException("kubectl is not on the PATH"));
        try {
            Path out = Files.createTempFile("kustomize-", ".yaml");
            Process p = new ProcessBuilder(kubectl, "kustomize", "--load-restrictor", "LoadRestrictionsNone",
                    MODULE_DIR.resolve(folder).toString())
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.PIPE).start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + folder + " failed: " + err);
            }
            String yaml = Files.readString(out);
            Files.delete(out);
            return new Manifests(folder, parse(yaml));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<HasMetadata> parse(String yaml) {
        Object parsed = new KubernetesSerialization().unmarshal(yaml);
        if (parsed instanceof List<?> list) {
            return (List<HasMetadata>) list;
        }
        if (parsed instanceof KubernetesResourceList<?> list) {
            return new ArrayList<>(list.getItems());
        }
        return List.of((HasMetadata) parsed);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String objectName) {
        return all(type).stream().filter(o -> o.getMetadata().getName().equals(objectName)).findFirst();
    }

    /** The Deployment or StatefulSet of that name. */
    Optional<Workload> workload(String objectName) {
        return workloads().stream().filter(w -> w.name().equals(objectName)).findFirst();
    }

    List<Workload> workloads() {
        List<Workload> result = new ArrayList<>();
        all(Deployment.class).forEach(d -> {
            var strategy = d.getSpec().getStrategy();
            var rolling = strategy == null ? null : strategy.getRollingUpdate();
            result.add(new Workload(d.getMetadata().getName(), "Deployment", d.getSpec().getReplicas(),
                    strategy == null ? null : strategy.getType(),
                    rolling == null || rolling.getMaxUnavailable() == null ? null
                            : String.valueOf(rolling.getMaxUnavailable().getValue()),
                    rolling == null || rolling.getMaxSurge() == null ? null : String.valueOf(rolling.getMaxSurge().getValue()),
                    d.getSpec().getTemplate().getSpec(), d.getSpec().getTemplate().getMetadata().getLabels()));
        });
        all(StatefulSet.class).forEach(s -> result.add(new Workload(s.getMetadata().getName(), "StatefulSet",
                s.getSpec().getReplicas(), null, null, null, s.getSpec().getTemplate().getSpec(),
                s.getSpec().getTemplate().getMetadata().getLabels())));
        return result;
    }

    /** A Deployment or StatefulSet, reduced to what the checks read. */
    record Workload(String name, String kind, Integer replicas, String strategy, String maxUnavailable,
            String maxSurge, PodSpec pod, java.util.Map<String, String> podLabels) {

        Container app() {
            return pod.getContainers().getFirst();
        }

        Optional<EnvVar> env(String envName) {
            return app().getEnv() == null ? Optional.empty()
                    : app().getEnv().stream().filter(e -> e.getName().equals(envName)).findFirst();
        }

        Optional<Integer> port(String portName) {
            return app().getPorts().stream().filter(p -> portName.equals(p.getName()))
                    .map(p -> p.getContainerPort()).findFirst();
        }
    }
}
