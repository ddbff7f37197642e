package credit.platform.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class StackConfigTest {

    private final Path root = Path.of("/repo");

    @Test
    void localStackUsesThePortsTheAppsDefaultTo() {
        StackConfig local = StackConfig.local(root);
        assertThat(local.keycloakPort()).isEqualTo(8180);
        assertThat(local.mongoPort()).isEqualTo(27017);
        assertThat(local.gatewayUrl()).isEqualTo("http://localhost:8080");
        assertThat(local.app("registry-service")).isEqualTo(new StackConfig.AppConfig("registry-service", "registry", 8081, 9091));
        assertThat(local.app("blacklist-service")).isEqualTo(new StackConfig.AppConfig("blacklist-service", "lists", 8082, 9092));
        assertThat(local.app("scoring-service")).isEqualTo(new StackConfig.AppConfig("scoring-service", "scoring", 8083, 9093));
        assertThat(local.app("sanctions-service")).isEqualTo(new StackConfig.AppConfig("sanctions-service", "sanctions", 8084, 9094));
        // the gateway's gRPC front door (travel checks) on 9090, its application.yml default
        assertThat(local.app("gateway")).isEqualTo(new StackConfig.AppConfig("gateway", "audit", 8080, 9090));
        assertThat(local.app("portal")).isEqualTo(new StackConfig.AppConfig("portal", null, 8090, 0));
        assertThat(local.issuerUri()).isEqualTo("http://localhost:8180/realms/credit");
        assertThat(local.tokenUri()).isEqualTo("http://localhost:8180/realms/credit/protocol/openid-connect/token");
        assertThat(local.mongoFile()).isEqualTo(root.resolve(".run/mongo/credit.mv"));
        assertThat(local.logDir()).isEqualTo(root.resolve(".run/logs"));
    }

    @Test
    void appsStartInDependencyOrderWithTheGatewayLast() {
        assertThat(StackConfig.local(root).apps()).extracting(StackConfig.AppConfig::name)
                .containsExactly("registry-service", "blacklist-service", "scoring-service", "sanctions-service", "gateway",
                        "portal");
    }

    @Test
    void everyStackBindsEachPortOnlyOnce() {
        for (StackConfig config : new StackConfig[] {StackConfig.local(root), StackConfig.forTests(root, 0)}) {
            assertThat(new HashSet<>(config.ports().values())).as(config.name()).hasSameSizeAs(config.ports().values());
        }
    }

    @Test
    void testStackPortsAreDisjointFromTheLocalStackSoBothCanRunAtOnce() {
        Set<Integer> local = new HashSet<>(StackConfig.local(root).ports().values());
        Set<Integer> tests = new HashSet<>(StackConfig.forTests(root, 0).ports().values());
        assertThat(tests).doesNotContainAnyElementsOf(local);
        assertThat(StackConfig.forTests(root, 0).name()).isNotEqualTo(StackConfig.local(root).name());
    }

    @Test
    void aStackOnTheTestPortsHasTheTestStacksPortsAndItsOwnNameDataAndLogs() {
        StackConfig tests = StackConfig.forTests(root);
        Path data = root.resolve(".run/drill/credit.mv");
        Path logs = root.resolve("benchmarks/target/drill-logs");
        StackConfig drill = StackConfig.onTestPorts(root, "drill", data, logs);
        assertThat(drill.ports()).isEqualTo(tests.ports());
        assertThat(drill.name()).isEqualTo("drill");
        assertThat(drill.mongoFile()).isEqualTo(data);
        assertThat(drill.logDir()).isEqualTo(logs);
        assertThat(drill.isLocal()).isFalse();
        assertThat(drill.tracesEndpoint()).isEqualTo(tests.tracesEndpoint());
    }

    @Test
    void testStackKeepsMongoInMemoryAndLogsUnderTarget() {
        StackConfig tests = StackConfig.forTests(root, 0);
        assertThat(tests.mongoFile()).isNull();
        assertThat(tests.logDir().startsWith(root.resolve("system-tests/target"))).isTrue();
    }

    @Test
    void onlyTheTestStackExportsTracesAndLogsJson() {
        StackConfig tests = StackConfig.forTests(root, 7000);
        assertThat(tests.tracesEndpoint()).contains("http://127.0.0.1:25300/v1/traces");
        assertThat(tests.ports()).doesNotContainValue(25300);
        assertThat(tests.appArguments(tests.app("gateway"))).contains(
                "--management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:25300/v1/traces",
                "--management.tracing.sampling.probability=1.0",
                "--logging.structured.format.console=ecs");
        StackConfig local = StackConfig.local(root);
        assertThat(local.tracesEndpoint()).isEmpty();
        assertThat(local.appArguments(local.app("gateway")))
                .noneMatch(a -> a.startsWith("--management.opentelemetry") || a.startsWith("--logging.structured"));
    }

    @Test
    void everyAppIsWiredToThisStacksPortsNotTheDefaults() {
        StackConfig tests = StackConfig.forTests(root, 0);
        assertThat(tests.appArguments(tests.app("scoring-service"))).contains(
                "--server.port=18083",
                "--management.server.port=18283",
                "--spring.grpc.server.port=19093",
                "--spring.mongodb.uri=mongodb://localhost:28017/scoring",
                "--credit.security.issuer-uri=http://localhost:18180/realms/credit",
                "--credit.security.token-uri=http://localhost:18180/realms/credit/protocol/openid-connect/token",
                "--spring.grpc.client.channel.registry.target=static://localhost:19091",
                "--spring.grpc.client.channel.lists.target=static://localhost:19092",
                "--spring.grpc.client.channel.scoring.target=static://localhost:19093",
                "--spring.grpc.client.channel.sanctions.target=static://localhost:19094");
        assertThat(tests.appArguments(tests.app("gateway")))
                .contains("--server.port=18080",
                        "--credit.gateway.registry-uri=http://localhost:18081",
                        "--credit.gateway.lists-uri=http://localhost:18082",
                        "--credit.gateway.scoring-uri=http://localhost:18083",
                        "--credit.gateway.sanctions-uri=http://localhost:18084",
                        "--spring.mongodb.uri=mongodb://localhost:28017/audit",
                        // its gRPC front door, forwarding to sanctions
                        "--spring.grpc.server.port=19090",
                        "--spring.grpc.client.channel.sanctions.target=static://localhost:19094");
    }

    @Test
    void everyAppListensOnLoopbackOnlyNeverOnAllInterfaces() {
        for (StackConfig stack : List.of(StackConfig.local(Path.of("/repo")), StackConfig.forTests(Path.of("/repo"), 0))) {
            for (StackConfig.AppConfig app : stack.apps()) {
                assertThat(stack.appArguments(app)).as(app.name()).contains("--server.address=127.0.0.1");
                if (app.hasGrpc()) {
                    assertThat(stack.appArguments(app)).as(app.name()).contains("--spring.grpc.server.address=127.0.0.1");
                }
            }
        }
    }

    @Test
    void appJarsAreTheModulesBootJars() {
        StackConfig local = StackConfig.local(root);
        assertThat(local.appJar(local.app("gateway"))).isEqualTo(root.resolve("gateway/target/gateway-exec.jar"));
    }

    @org.junit.jupiter.api.Test
    void onlyTheLocalPlatformSeedsDemoData() {
        java.nio.file.Path root = java.nio.file.Path.of("/repo");
        StackConfig local = StackConfig.local(root);
        StackConfig tests = StackConfig.forTests(root, 0);
        assertThat(local.appArguments(local.app("registry-service"))).contains("--credit.registry.demo-data.size=500");
        assertThat(tests.appArguments(tests.app("registry-service")))
                .noneMatch(a -> a.startsWith("--credit.registry.demo-data"));
    }

    @Test
    void aPortOffsetMovesEveryPortOfTheTestStackAndNothingElse() {
        StackConfig base = StackConfig.forTests(root, 0);
        StackConfig moved = StackConfig.forTests(root, 2000);
        assertThat(moved.ports().keySet()).containsExactlyElementsOf(base.ports().keySet());
        base.ports().forEach((owner, port) -> assertThat(moved.ports().get(owner)).as(owner).isEqualTo(port + 2000));
        assertThat(moved.issuerUri()).isEqualTo("http://localhost:20180/realms/credit");
        assertThat(new HashSet<>(moved.ports().values())).doesNotContainAnyElementsOf(base.ports().values());
    }

    @Test
    void aPortOffsetThatIsNotAWholeNumberInRangeIsRefusedByName() {
        assertThat(StackConfig.testPortOffset(null)).isZero();
        assertThat(StackConfig.testPortOffset(" 3000 ")).isEqualTo(3000);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StackConfig.testPortOffset("abc"))
                .hasMessageContaining(StackConfig.TEST_PORT_OFFSET_ENV);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StackConfig.testPortOffset("-5"))
                .hasMessageContaining("between 0 and 30000");
    }

    @Test
    void aLocalPlatformWithAPortOffsetIsAStackOfItsOwnOnMovedPorts() {
        StackConfig base = StackConfig.local(root);
        StackConfig moved = StackConfig.local(root, 500);
        base.ports().forEach((owner, port) -> assertThat(moved.ports().get(owner)).as(owner).isEqualTo(port + 500));
        assertThat(moved.name()).isEqualTo("local-500");
        assertThat(moved.isLocal()).isTrue();
        assertThat(moved.mongoFile()).isEqualTo(root.resolve(".run/mongo-500/credit.mv"));
        assertThat(moved.logDir()).isEqualTo(root.resolve(".run/logs-500"));
        assertThat(moved.pidFile()).isNotEqualTo(base.pidFile());
        assertThat(moved.tokenUri()).isEqualTo("http://localhost:8680/realms/credit/protocol/openid-connect/token");
        assertThat(moved.appArguments(moved.app("registry-service"))).contains("--credit.registry.demo-data.size=500");
        assertThat(StackConfig.local(root, 0)).isEqualTo(base);
    }

    @Test
    void theLauncherTakesThePortOffsetFromItsFlagBeforeTheEnvironment() {
        assertThat(LocalPlatform.Options.parse(java.util.List.of(), null)).isEqualTo(new LocalPlatform.Options(false, 0));
        assertThat(LocalPlatform.Options.parse(java.util.List.of(), "300")).isEqualTo(new LocalPlatform.Options(false, 300));
        assertThat(LocalPlatform.Options.parse(java.util.List.of("--port-offset", "100", "--infra-only"), "300"))
                .isEqualTo(new LocalPlatform.Options(true, 100));
        assertThat(LocalPlatform.Options.parse(java.util.List.of("--port-offset=7"), null)).isEqualTo(new LocalPlatform.Options(false, 7));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LocalPlatform.Options.parse(java.util.List.of("--port-offset=x"), null))
                .hasMessageContaining("--port-offset must be a whole number");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LocalPlatform.Options.parse(java.util.List.of(), "99999"))
                .hasMessageContaining(StackConfig.LOCAL_PORT_OFFSET_ENV);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LocalPlatform.Options.parse(java.util.List.of("--frobnicate"), null))
                .hasMessageContaining("unknown argument '--frobnicate'");
    }
}
