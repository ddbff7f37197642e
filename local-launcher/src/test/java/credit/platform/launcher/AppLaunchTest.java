package credit.platform.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AppLaunchTest {

    @Test
    void fastStartKeepsTheQuickStartFlagsAndProductionGivesEachAppItsContainersJvm() {
        assertThat(AppLaunch.fastStart().jvmOptions("gateway")).isEqualTo(StackConfig.APP_JVM_OPTIONS);
        assertThat(AppLaunch.production().jvmOptions("blacklist-service"))
                .containsExactly("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp",
                        "-XX:MaxRAM=1024m", "-XX:+UseSerialGC")
                .noneMatch(o -> o.contains("TieredStopAtLevel"));
        assertThat(AppLaunch.production().jvmOptions("gateway"))
                .containsExactly("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp",
                        "-XX:MaxRAM=2048m", "-XX:+UseG1GC")
                .noneMatch(o -> o.contains("TieredStopAtLevel"));
        assertThat(AppLaunch.production().jvmOptions("sanctions-service"))
                .containsExactly("-XX:MaxRAMPercentage=70", "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp",
                        "-XX:MaxRAM=4096m", "-XX:+UseG1GC");
    }

    @Test
    void everyAppOfTheStackHasAProductionJvm() {
        StackConfig config = StackConfig.local(java.nio.file.Path.of("."), 0);
        assertThat(config.apps()).allSatisfy(app -> assertThat(AppLaunch.PRODUCTION).containsKey(app.name()));
    }

    @Test
    void theCollectorIsTheOneTheJvmPicksForTheContainersMemory() {
        assertThat(new AppLaunch.ProductionJvm("-XX:MaxRAMPercentage=75", 1791).collector()).isEqualTo("-XX:+UseSerialGC");
        assertThat(new AppLaunch.ProductionJvm("-XX:MaxRAMPercentage=75", 1792).collector()).isEqualTo("-XX:+UseG1GC");
    }

    @Test
    void perAppOptionsAndArgumentsApplyToThatAppOnly() {
        AppLaunch launch = AppLaunch.production()
                .withJvmOptions("sanctions-service", "-XX:StartFlightRecording")
                .withArguments("gateway", "--credit.gateway.traffic.rate-limits.travel-check.limit=100000");
        assertThat(launch.jvmOptions("sanctions-service")).endsWith("-XX:+UseG1GC", "-XX:StartFlightRecording");
        assertThat(launch.jvmOptions("gateway")).isEqualTo(AppLaunch.PRODUCTION.get("gateway").options());
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
