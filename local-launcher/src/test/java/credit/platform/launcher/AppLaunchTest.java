package credit.platform.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AppLaunchTest {

    @Test
    void fastStartKeepsTheQuickStartFlagsAndProductionUsesTheJvmDefaults() {
        assertThat(AppLaunch.fastStart().jvmOptions("gateway")).isEqualTo(StackConfig.APP_JVM_OPTIONS);
        assertThat(AppLaunch.production().jvmOptions("gateway"))
                .containsExactly("-Xmx1g")
                .noneMatch(o -> o.contains("TieredStopAtLevel") || o.contains("SerialGC"));
    }

    @Test
    void perAppOptionsAndArgumentsApplyToThatAppOnly() {
        AppLaunch launch = AppLaunch.production()
                .withJvmOptions("sanctions-service", "-XX:StartFlightRecording")
                .withArguments("gateway", "--credit.gateway.traffic.rate-limits.travel-check.limit=100000");
        assertThat(launch.jvmOptions("sanctions-service")).containsExactly("-Xmx1g", "-XX:StartFlightRecording");
        assertThat(launch.jvmOptions("gateway")).containsExactly("-Xmx1g");
        assertThat(launch.arguments("gateway")).hasSize(1);
        assertThat(launch.arguments("registry-service")).isEmpty();
    }

    @Test
    void thePlatformScriptTakesTheProductionJvmFlag() {
        assertThat(LocalPlatform.Options.parse(List.of("--production-jvm", "--port-offset", "5"), null))
                .isEqualTo(new LocalPlatform.Options(false, 5, true));
        assertThat(LocalPlatform.Options.parse(List.of(), null).productionJvm()).isFalse();
    }

    @Test
    void anOverrideReplacesTheStacksValueOfTheSameKeyInsteadOfAddingASecond() {
        List<String> args = PlatformStack.withOverrides(List.of("--server.port=1", "--credit.a=x", "--credit.b=y"),
                List.of("--credit.a=z", "--credit.c=w"));
        assertThat(args).containsExactly("--server.port=1", "--credit.b=y", "--credit.a=z", "--credit.c=w");
    }
}
