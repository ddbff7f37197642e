package credit.platform.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

import credit.platform.launcher.AppLaunch;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The benchmarks' "production JVM settings" ({@code AppLaunch.production()}, local-launcher) are the
 * production overlay's: per app the container's {@code JAVA_TOOL_OPTIONS}, its memory limit (given to a
 * JVM outside the container as {@code -XX:MaxRAM}) and no CPU limit (the JVM sees the node's CPUs).
 */
class ProductionJvmTest {

    @Test
    void theBenchmarksRunEachAppWithItsProductionContainersJvm() {
        Assumptions.assumeTrue(Manifests.kubectl().isPresent(),
                "kubectl is not installed: the manifests cannot be rendered (kubectl kustomize) on this machine");
        Manifests production = Manifests.render("overlays/production");
        List<AppConfig> apps = AppConfig.all();
        assertThat(AppLaunch.PRODUCTION.keySet()).containsExactlyInAnyOrderElementsOf(
                apps.stream().map(AppConfig::module).toList());
        List<Executable> checks = apps.stream().<Executable>map(app -> () -> {
            Manifests.Workload w = production.workload(app.module()).orElseThrow();
            AppLaunch.ProductionJvm jvm = AppLaunch.PRODUCTION.get(app.module());
            String toolOptions = w.env("JAVA_TOOL_OPTIONS").orElseThrow().getValue();
            ResourceRequirements resources = w.app().getResources();
            Quantity memory = resources.getLimits().get("memory");
            long limitMiB = Quantity.getAmountInBytes(memory).longValueExact() / (1024 * 1024);
            assertThat(limitMiB).as("%s memory limit", app.module()).isEqualTo(jvm.memoryLimitMiB());
            assertThat(resources.getLimits()).as("%s: no CPU limit, the JVM sees the node's CPUs", app.module())
                    .doesNotContainKey("cpu");
            assertThat(jvm.javaToolOptions()).as("%s JAVA_TOOL_OPTIONS", app.module()).isEqualTo(toolOptions);
            assertThat(jvm.options()).as("%s", app.module())
                    .containsSequence(Arrays.asList(toolOptions.trim().split("\\s+")))
                    .endsWith("-XX:MaxRAM=" + limitMiB + "m", jvm.collector());
        }).toList();
        assertAll(checks);
    }
}
