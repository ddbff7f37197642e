package credit.platform.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

import credit.platform.k8s.Manifests.Workload;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kustomize base and overlays, rendered by {@code kubectl kustomize} and checked against the
 * apps themselves: every app (a module with an application.yml) runs with its own ports, probes that
 * exist, its own database secret, the channels it calls pointed at the right service, network
 * policies equal to the call graph, and hardened pods. A change in an app that the manifests do not
 * follow fails here.
 */
@TestInstance(Lifecycle.PER_CLASS)
class ManifestsTest {

    /** gRPC channel (and gateway route) names → the app that serves them. */
    private static final Map<String, String> SERVED_BY = Map.of(
            "registry", "registry-service",
            "lists", "blacklist-service",
            "scoring", "scoring-service",
            "sanctions", "sanctions-service",
            "eligibility", "sanctions-service");

    /** Apps that write a change feed: every replica writes (docs/architecture.md, DR-7). */
    private static final Set<String> FEED_WRITERS = Set.of("blacklist-service", "scoring-service");

    /** Secrets the apps read; production gets them from the cluster's secret store (docs/deployment.md). */
    private static final Pattern SECRET_LIKE = Pattern.compile(".*(SECRET|PASSWORD|KEY|MONGODB_URI).*");

    private static final List<String> FOLDERS = List.of("base", "overlays/dev", "overlays/production");

    private List<AppConfig> apps;
    private Map<String, Manifests> rendered;

    @BeforeAll
    void render() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Manifests.kubectl().isPresent(),
                "kubectl is not installed: the manifests cannot be rendered (kubectl kustomize) on this machine");
        apps = AppConfig.all();
        rendered = FOLDERS.stream().collect(Collectors.toMap(Function.identity(), Manifests::render));
    }

    @Test
    void theAppsAreTheFiveServices() {
        assertThat(apps).extracting(AppConfig::module).containsExactly("blacklist-service", "gateway", "portal",
                "registry-service", "sanctions-service", "scoring-service");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/production"})
    void everyAppRunsOnItsOwnPortsWithAServiceInFrontOfEach(String folder) {
        Manifests m = rendered.get(folder);
        List<Executable> checks = apps.stream().<Executable>map(app -> () -> {
            Workload w = m.workload(app.module()).orElseThrow(() -> new AssertionError(
                    folder + ": no Deployment or StatefulSet for " + app.module()));
            assertThat(w.port("http")).as("%s http port", app.module()).contains(app.httpPort());
            assertThat(w.env("SERVER_PORT").map(EnvVar::getValue)).contains(String.valueOf(app.httpPort()));
            // the actuator on its own port: the app's own setting, 200 above its API port (as the launcher has it)
            assertThat(app.managementPort()).as("%s management.server.port", app.module()).contains(app.httpPort() + 200);
            assertThat(w.port("management")).as("%s management port", app.module()).isEqualTo(app.managementPort());
            assertThat(w.env("MANAGEMENT_SERVER_PORT").map(EnvVar::getValue))
                    .contains(String.valueOf(app.managementPort().orElseThrow()));
            assertThat(w.env("MANAGEMENT_SERVER_ADDRESS").map(EnvVar::getValue)).as("scrapable from the pod network")
                    .contains("0.0.0.0");
            assertThat(app.exposedEndpoints()).as("%s exposes Prometheus", app.module()).contains("prometheus", "health");
            assertThat(w.env("LOGGING_STRUCTURED_FORMAT_CONSOLE").map(EnvVar::getValue)).as("%s logs JSON", app.module())
                    .contains("ecs");
            Service http = m.find(Service.class, app.module()).orElseThrow();
            assertThat(http.getSpec().getPorts()).extracting(p -> p.getPort()).containsExactly(app.httpPort());
            if (app.grpcPort().isPresent()) {
                assertThat(w.port("grpc")).as("%s grpc port", app.module()).isEqualTo(app.grpcPort());
                assertThat(w.env("SPRING_GRPC_SERVER_PORT").map(EnvVar::getValue))
                        .contains(String.valueOf(app.grpcPort().get()));
                Service grpc = m.find(Service.class, app.module() + "-grpc").orElseThrow(
                        () -> new AssertionError(folder + ": no headless gRPC service for " + app.module()));
                assertThat(grpc.getSpec().getClusterIP()).as("gRPC service is headless").isEqualTo("None");
                assertThat(grpc.getSpec().getPorts()).extracting(p -> p.getPort()).containsExactly(app.grpcPort().get());
            }
        }).toList();
        assertAll(checks);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/production"})
    void everyChannelAnAppCallsPointsAtTheServiceThatServesIt(String folder) {
        Map<String, String> endpoints = platformEndpoints(rendered.get(folder));
        List<Executable> checks = new java.util.ArrayList<>();
        for (AppConfig app : apps) {
            app.channels().keySet().forEach(channel -> checks.add(() -> {
                AppConfig target = target(channel);
                String key = "SPRING_GRPC_CLIENT_CHANNEL_" + channel.toUpperCase(Locale.ROOT) + "_TARGET";
                assertThat(endpoints).as("%s calls channel %s", app.module(), channel)
                        .containsEntry(key, "dns:///" + target.module() + "-grpc:" + target.grpcPort().orElseThrow());
                assertThat(endpoints).containsEntry(
                        "SPRING_GRPC_CLIENT_CHANNEL_" + channel.toUpperCase(Locale.ROOT) + "_DEFAULT_LOADBALANCINGPOLICY",
                        "round_robin");
            }));
            app.gatewayUris().keySet().forEach(route -> checks.add(() -> {
                AppConfig target = target(route);
                assertThat(endpoints).as("gateway route %s", route).containsEntry(
                        "CREDIT_GATEWAY_" + route.toUpperCase(Locale.ROOT) + "_URI",
                        "http://" + target.module() + ":" + target.httpPort());
            }));
        }
        assertAll(checks);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/production"})
    void networkPoliciesDenyByDefaultAndAllowExactlyTheCallGraph(String folder) {
        Manifests m = rendered.get(folder);
        assertThat(m.find(NetworkPolicy.class, "default-deny-ingress")).hasValueSatisfying(p -> {
            assertThat(p.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(p.getSpec().getPolicyTypes()).contains("Ingress");
            assertThat(p.getSpec().getIngress()).isNullOrEmpty();
        });
        Set<String> expected = new TreeSet<>();
        for (AppConfig app : apps) {
            app.channels().keySet().forEach(c -> expected.add(app.module() + " -> " + target(c).module() + ":grpc"));
            app.gatewayUris().keySet().forEach(r -> expected.add(app.module() + " -> " + target(r).module() + ":http"));
        }
        // the portal calls the platform's REST API through the gateway (credit.portal.gateway-uri)
        expected.add("portal -> gateway:http");
        Set<String> allowed = new TreeSet<>();
        Set<String> appNames = apps.stream().map(AppConfig::module).collect(Collectors.toSet());
        for (NetworkPolicy p : m.all(NetworkPolicy.class)) {
            Map<String, String> selector = p.getSpec().getPodSelector().getMatchLabels();
            String target = selector == null ? null : selector.get("app.kubernetes.io/name");
            if (target == null || !appNames.contains(target) || p.getSpec().getIngress() == null) {
                continue;
            }
            for (NetworkPolicyIngressRule rule : p.getSpec().getIngress()) {
                for (NetworkPolicyPeer from : rule.getFrom()) {
                    if (from.getPodSelector() == null || from.getNamespaceSelector() != null) {
                        continue; // another namespace (ingress controller, metrics scraper), checked below
                    }
                    String caller = from.getPodSelector().getMatchLabels().get("app.kubernetes.io/name");
                    for (NetworkPolicyPort port : rule.getPorts()) {
                        allowed.add(caller + " -> " + target + ":" + port.getPort().getStrVal());
                    }
                }
            }
        }
        assertThat(allowed).as("allowed pod-to-pod edges").isEqualTo(expected);
        assertThat(m.find(NetworkPolicy.class, "gateway-from-edge")).hasValueSatisfying(p -> {
            assertThat(p.getSpec().getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", "gateway");
            assertThat(p.getSpec().getIngress()).singleElement().satisfies(r -> {
                assertThat(r.getFrom()).singleElement().satisfies(peer -> assertThat(peer.getNamespaceSelector()
                        .getMatchLabels()).containsEntry("kubernetes.io/metadata.name", "gateway-system"));
                assertThat(r.getPorts()).extracting(port -> port.getPort().getStrVal()).containsExactly("http", "grpc");
            });
        });
        assertThat(allowed).as("no app reaches another's management port").noneMatch(e -> e.endsWith(":management"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/production"})
    void onlyTheMetricsScraperReachesTheManagementPortOfEveryApp(String folder) {
        Manifests m = rendered.get(folder);
        List<NetworkPolicy> toManagement = m.all(NetworkPolicy.class).stream()
                .filter(p -> p.getSpec().getIngress() != null && p.getSpec().getIngress().stream()
                        .anyMatch(r -> r.getPorts() != null && r.getPorts().stream()
                                .anyMatch(port -> "management".equals(port.getPort().getStrVal()))))
                .toList();
        assertThat(toManagement).extracting(p -> p.getMetadata().getName()).containsExactly("metrics-scraper");
        NetworkPolicy scraper = toManagement.getFirst();
        assertThat(scraper.getSpec().getPodSelector().getMatchLabels())
                .containsEntry("app.kubernetes.io/part-of", "credit-platform");
        NetworkPolicyIngressRule rule = scraper.getSpec().getIngress().getFirst();
        assertThat(scraper.getSpec().getIngress()).hasSize(1);
        assertThat(rule.getPorts()).extracting(p -> p.getPort().getStrVal()).containsExactly("management");
        assertThat(rule.getFrom()).singleElement().satisfies(peer -> {
            assertThat(peer.getNamespaceSelector().getMatchLabels())
                    .containsEntry("kubernetes.io/metadata.name", "monitoring");
            assertThat(peer.getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", "prometheus");
        });
        // every app's pods carry the label the policy selects
        Map<String, Map<String, String>> podLabels = new HashMap<>();
        m.all(io.fabric8.kubernetes.api.model.apps.Deployment.class).forEach(d ->
                podLabels.put(d.getMetadata().getName(), d.getSpec().getTemplate().getMetadata().getLabels()));
        m.all(io.fabric8.kubernetes.api.model.apps.StatefulSet.class).forEach(d ->
                podLabels.put(d.getMetadata().getName(), d.getSpec().getTemplate().getMetadata().getLabels()));
        assertThat(apps).allSatisfy(app -> assertThat(podLabels.get(app.module())).as(app.module())
                .containsEntry("app.kubernetes.io/part-of", "credit-platform"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/production"})
    void onlyTheGatewayIsReachableFromOutside(String folder) {
        Manifests m = rendered.get(folder);
        assertThat(m.all(Service.class)).allSatisfy(s ->
                assertThat(s.getSpec().getType()).as(s.getMetadata().getName()).isIn(null, "ClusterIP"));
        // Gateway API, not a controller's annotations: one Gateway, REST and gRPC listeners, routes bound to them
        assertThat(m.all(io.fabric8.kubernetes.api.model.GenericKubernetesResource.class))
                .as("every object is a known kind (no leftover Ingress or typo'd apiVersion)")
                .allSatisfy(o -> assertThat(o.getApiVersion() + " " + o.getKind())
                        .isIn("monitoring.coreos.com/v1 PodMonitor", "monitoring.coreos.com/v1 PrometheusRule"));
        assertThat(m.all(Gateway.class)).singleElement().satisfies(g -> assertThat(g.getSpec().getListeners())
                .extracting(Listener::getName).containsExactly("api", "www", "grpc"));
        Gateway edge = m.all(Gateway.class).getFirst();
        HTTPRoute rest = m.find(HTTPRoute.class, "gateway").orElseThrow();
        HTTPRoute pages = m.find(HTTPRoute.class, "portal").orElseThrow();
        assertThat(m.all(HTTPRoute.class)).containsExactlyInAnyOrder(rest, pages);
        // the portal's pages: listener www, to the portal app (which reaches the API through the gateway)
        assertThat(pages.getSpec().getParentRefs()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo(edge.getMetadata().getName());
            assertThat(p.getSectionName()).isEqualTo("www");
        });
        assertThat(pages.getSpec().getHostnames()).containsExactly(listener(edge, "www").getHostname());
        assertThat(pages.getSpec().getRules()).flatExtracting(r -> r.getBackendRefs())
                .extracting(b -> b.getName() + ":" + b.getPort()).containsExactly("portal:" + app("portal").httpPort());
        assertThat(rest.getSpec().getParentRefs()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo(edge.getMetadata().getName());
            assertThat(p.getSectionName()).isEqualTo("api");
        });
        assertThat(rest.getSpec().getHostnames()).containsExactly(listener(edge, "api").getHostname());
        assertThat(rest.getSpec().getRules()).flatExtracting(r -> r.getBackendRefs())
                .extracting(b -> b.getName() + ":" + b.getPort()).containsExactly("gateway:" + app("gateway").httpPort());
        // gRPC: exactly the services of the travel-check contract (what the front door proxies), to its front door
        GRPCRoute grpc = m.find(GRPCRoute.class, "gateway-grpc").orElseThrow();
        assertThat(m.all(GRPCRoute.class)).containsExactly(grpc);
        assertThat(grpc.getSpec().getParentRefs()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo(edge.getMetadata().getName());
            assertThat(p.getSectionName()).isEqualTo("grpc");
        });
        assertThat(grpc.getSpec().getHostnames()).containsExactly(listener(edge, "grpc").getHostname());
        assertThat(grpc.getSpec().getRules()).flatExtracting(r -> r.getMatches()).extracting(GRPCRouteMatch::getMethod)
                .allSatisfy(method -> {
                    assertThat(method.getType()).isEqualTo("Exact");
                    assertThat(method.getMethod()).as("whole services").isNull();
                })
                .extracting(method -> method.getService())
                .containsExactlyInAnyOrderElementsOf(credit.sanctions.v1.SanctionsProto.getDescriptor().getServices()
                        .stream().map(com.google.protobuf.Descriptors.ServiceDescriptor::getFullName).toList());
        assertThat(grpc.getSpec().getRules()).flatExtracting(r -> r.getBackendRefs())
                .extracting(b -> b.getName() + ":" + b.getPort())
                .containsExactly("gateway-grpc:" + app("gateway").grpcPort().orElseThrow());
        assertThat(m.find(Service.class, "gateway-grpc").orElseThrow().getSpec().getPorts())
                .extracting(p -> p.getAppProtocol()).as("the edge speaks h2c to the front door")
                .containsExactly("kubernetes.io/h2c");
        if (folder.equals("overlays/dev")) {
            assertThat(edge.getSpec().getListeners()).allSatisfy(l -> assertThat(l.getProtocol()).isEqualTo("HTTP"));
        } else {
            assertThat(edge.getSpec().getListeners()).allSatisfy(l -> {
                assertThat(l.getProtocol()).isEqualTo("HTTPS");
                assertThat(l.getTls().getMode()).isEqualTo("Terminate");
                assertThat(l.getTls().getCertificateRefs()).isNotEmpty();
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/production"})
    void everyAppSpreadsItsReplicasOverZonesAndNodes(String folder) {
        Manifests m = rendered.get(folder);
        List<Executable> checks = apps.stream().<Executable>map(app -> () -> {
            Workload w = m.workload(app.module()).orElseThrow();
            List<TopologySpreadConstraint> spread = w.pod().getTopologySpreadConstraints();
            assertThat(spread).as("%s topology spread", app.module())
                    .extracting(TopologySpreadConstraint::getTopologyKey)
                    .containsExactlyInAnyOrder("topology.kubernetes.io/zone", "kubernetes.io/hostname");
            assertThat(spread).allSatisfy(c -> {
                assertThat(c.getMaxSkew()).isEqualTo(1);
                // the constraint counts this app's own pods: the selector matches the pod template's labels
                assertThat(w.podLabels()).containsAllEntriesOf(c.getLabelSelector().getMatchLabels());
                assertThat(c.getLabelSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", app.module());
                if (w.kind().equals("Deployment")) {
                    assertThat(c.getMatchLabelKeys()).as("a rollout's new pods are spread among themselves")
                            .containsExactly("pod-template-hash");
                }
            });
            assertThat(spread).filteredOn(c -> c.getTopologyKey().equals("kubernetes.io/hostname"))
                    .extracting(TopologySpreadConstraint::getWhenUnsatisfiable).containsExactly("DoNotSchedule");
        }).toList();
        assertAll(checks);
    }

    @Test
    void productionIsScrapedAlertedOnAndHasItsDashboardAndTraces() {
        Manifests m = rendered.get("overlays/production");
        List<io.fabric8.kubernetes.api.model.GenericKubernetesResource> generic =
                m.all(io.fabric8.kubernetes.api.model.GenericKubernetesResource.class);
        // the PodMonitor scrapes the management port's Prometheus endpoint of every app's pods
        var podMonitor = generic.stream().filter(o -> o.getKind().equals("PodMonitor")).findFirst().orElseThrow();
        Map<String, Object> spec = podMonitor.get("spec");
        @SuppressWarnings("unchecked")
        Map<String, String> selector = (Map<String, String>) ((Map<String, Object>) spec.get("selector")).get("matchLabels");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> endpoints = (List<Map<String, Object>>) spec.get("podMetricsEndpoints");
        assertThat(endpoints).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("port", "management").containsEntry("path", "/actuator/prometheus");
        });
        assertThat(apps).allSatisfy(app -> {
            Workload w = m.workload(app.module()).orElseThrow();
            assertThat(w.podLabels()).as(app.module()).containsAllEntriesOf(selector);
            assertThat(w.port("management")).as(app.module()).isPresent();
        });
        // every alert names its severity and says what is wrong; every rule has an expression
        var rule = generic.stream().filter(o -> o.getKind().equals("PrometheusRule")).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> groups = (List<Map<String, Object>>) ((Map<String, Object>) rule.get("spec")).get("groups");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rules = groups.stream()
                .flatMap(g -> ((List<Map<String, Object>>) g.get("rules")).stream()).toList();
        assertThat(rules).extracting(r -> (String) r.get("alert")).contains("CreditEnforcementIndexStale",
                "CreditFeedLagHigh", "CreditAuditChainBroken", "CreditApplicationsOverdue");
        assertThat(rules).allSatisfy(r -> {
            assertThat((String) r.get("expr")).as("%s expr", r.get("alert")).isNotBlank();
            @SuppressWarnings("unchecked")
            Map<String, Object> labels = (Map<String, Object>) r.get("labels");
            @SuppressWarnings("unchecked")
            Map<String, Object> annotations = (Map<String, Object>) r.get("annotations");
            assertThat(labels.get("severity")).as("%s severity", r.get("alert")).isIn("critical", "warning");
            assertThat(annotations).as("%s summary", r.get("alert")).containsKey("summary");
        });
        // the dashboard: a ConfigMap the Grafana sidecar loads, valid JSON, every panel queries Prometheus
        ConfigMap dashboard = m.find(ConfigMap.class, "credit-platform-dashboard").orElseThrow();
        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        // JSON is YAML: snakeyaml reads it (a syntax error fails here)
        @SuppressWarnings("unchecked")
        Map<String, Object> board = (Map<String, Object>) new org.yaml.snakeyaml.Yaml()
                .load(dashboard.getData().get("credit-platform.json"));
        assertThat(board).containsEntry("uid", "credit-platform");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> panels = (List<Map<String, Object>>) board.get("panels");
        assertThat(panels).isNotEmpty().allSatisfy(p -> {
            assertThat((String) p.get("title")).isNotBlank();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> targets = (List<Map<String, Object>>) p.get("targets");
            assertThat(targets).as((String) p.get("title")).isNotEmpty()
                    .allSatisfy(t -> assertThat((String) t.get("expr")).isNotBlank());
        });
        // traces: production exports to the cluster's collector; base and dev export none
        assertThat(platformEndpoints(m)).containsEntry("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
                "http://otel-collector.monitoring:4318/v1/traces");
        assertThat(platformEndpoints(rendered.get("overlays/dev"))).doesNotContainKey(
                "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT");
        assertThat(rendered.get("overlays/dev").all(io.fabric8.kubernetes.api.model.GenericKubernetesResource.class))
                .as("dev clusters need no Prometheus Operator").isEmpty();
    }

    private static Listener listener(Gateway gateway, String name) {
        return gateway.getSpec().getListeners().stream().filter(l -> l.getName().equals(name)).findFirst().orElseThrow();
    }

    private AppConfig app(String module) {
        return apps.stream().filter(a -> a.module().equals(module)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/production"})
    void everyPodIsHardenedAndSized(String folder) {
        List<Executable> checks = rendered.get(folder).workloads().stream().<Executable>map(w -> () -> {
            assertThat(w.pod().getAutomountServiceAccountToken()).as("%s mounts no API token", w.name()).isFalse();
            assertThat(w.pod().getSecurityContext().getRunAsNonRoot()).as("%s runAsNonRoot", w.name()).isTrue();
            assertThat(w.pod().getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            for (Container c : w.pod().getContainers()) {
                assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as("%s escalation", w.name()).isFalse();
                assertThat(c.getSecurityContext().getCapabilities().getDrop()).as("%s caps", w.name()).containsExactly("ALL");
                if (!w.name().equals("keycloak")) { // Keycloak's start-dev writes into its own install
                    assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).as("%s read-only root", w.name()).isTrue();
                }
                assertThat(c.getResources().getRequests()).as("%s requests", w.name()).containsKeys("cpu", "memory");
                assertThat(c.getResources().getLimits()).as("%s limits", w.name()).containsKey("memory");
                assertThat(c.getImage()).as("%s image", w.name()).doesNotEndWith(":latest");
            }
        }).toList();
        assertAll(checks);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/production"})
    void probesAskTheActuatorGroupsTheAppsEnable(String folder) {
        Manifests m = rendered.get(folder);
        List<Executable> checks = apps.stream().<Executable>map(app -> () -> {
            assertThat(app.probesEnabled()).as("%s: management.endpoint.health.probes.enabled", app.module()).isTrue();
            // the probes ask the API port (they check the server that serves the API), where
            // add-additional-paths puts the liveness and readiness groups as /livez and /readyz
            assertThat(app.probesOnApiPort()).as("%s: management.endpoint.health.probes.add-additional-paths",
                    app.module()).isTrue();
            Container c = m.workload(app.module()).orElseThrow().app();
            assertProbe(c.getReadinessProbe(), "/readyz");
            assertProbe(c.getLivenessProbe(), "/livez");
            assertProbe(c.getStartupProbe(), "/livez");
        }).toList();
        assertAll(checks);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/production"})
    void everySecretIsReadFromASecretAndEachAppHasItsOwnDatabase(String folder) {
        Manifests m = rendered.get(folder);
        List<Executable> checks = new java.util.ArrayList<>();
        for (Workload w : m.workloads()) {
            for (EnvVar e : w.app().getEnv()) {
                if (SECRET_LIKE.matcher(e.getName()).matches() && !w.name().equals("keycloak")) {
                    checks.add(() -> assertThat(e.getValueFrom() == null ? null : e.getValueFrom().getSecretKeyRef())
                            .as("%s %s comes from a Secret", w.name(), e.getName()).isNotNull());
                }
            }
        }
        Map<String, String> mongoSecretByApp = new HashMap<>();
        for (AppConfig app : apps) {
            Workload w = m.workload(app.module()).orElseThrow();
            w.env("SPRING_MONGODB_URI").ifPresent(e -> mongoSecretByApp.put(app.module(),
                    e.getValueFrom().getSecretKeyRef().getName()));
            if (app.database().isPresent()) {
                checks.add(() -> assertThat(w.env("SPRING_MONGODB_URI")).as("%s has a database", app.module()).isPresent());
            }
        }
        checks.add(() -> assertThat(new HashSet<>(mongoSecretByApp.values())).as("one database secret per app")
                .hasSameSizeAs(mongoSecretByApp.values()));
        List<Secret> secrets = m.all(Secret.class);
        if (folder.equals("overlays/dev")) {
            // the dev secrets name each app's own database, the one its application.yml defaults to
            for (AppConfig app : apps.stream().filter(a -> a.database().isPresent()).toList()) {
                checks.add(() -> {
                    Secret s = secrets.stream().filter(x -> x.getMetadata().getName()
                            .startsWith(mongoSecretByApp.get(app.module()))).findFirst().orElseThrow();
                    String uri = new String(Base64.getDecoder().decode(s.getData().get("uri")), StandardCharsets.UTF_8);
                    assertThat(uri).endsWith("/" + app.database().orElseThrow());
                });
            }
        } else {
            checks.add(() -> assertThat(secrets).as("no secret material in " + folder).isEmpty());
        }
        assertAll(checks);
    }

    @Test
    void everySecretProductionReadsIsDocumented() throws IOException {
        String doc = Files.readString(Manifests.REPO.resolve("docs/deployment.md"));
        Set<String> names = new TreeSet<>();
        rendered.get("overlays/production").workloads().forEach(w -> w.app().getEnv().stream()
                .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .forEach(e -> names.add(e.getValueFrom().getSecretKeyRef().getName())));
        rendered.get("overlays/production").all(Gateway.class).forEach(g -> g.getSpec().getListeners()
                .forEach(l -> l.getTls().getCertificateRefs().forEach(ref -> names.add(ref.getName()))));
        assertThat(names).isNotEmpty().allSatisfy(n -> assertThat(doc).as("docs/deployment.md names " + n).contains("`" + n + "`"));
    }

    /**
     * The feed writers run two replicas and roll one new pod in before an old one leaves (never fewer
     * ready writers than wanted), and in production a budget keeps a writer through node drains.
     */
    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/production"})
    void feedWritersRunTwiceAndRollWithoutStoppingWrites(String folder) {
        Manifests m = rendered.get(folder);
        for (String app : FEED_WRITERS) {
            Workload w = m.workload(app).orElseThrow();
            assertThat(w.replicas()).as(app + " replicas").isGreaterThanOrEqualTo(2);
            assertThat(w.strategy()).as(app + " update strategy").isEqualTo("RollingUpdate");
            assertThat(w.maxUnavailable()).as(app + " maxUnavailable").isEqualTo("0");
            assertThat(w.maxSurge()).as(app + " maxSurge").isNotNull().isNotEqualTo("0");
            assertThat(w.pod().getContainers().getFirst().getReadinessProbe()).as(app + " readiness").isNotNull();
        }
        if (folder.equals("overlays/production")) {
            for (String app : FEED_WRITERS) {
                assertThat(m.all(PodDisruptionBudget.class)).as(app + " disruption budget")
                        .anySatisfy(p -> {
                            assertThat(p.getSpec().getSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", app);
                            assertThat(String.valueOf(p.getSpec().getMaxUnavailable().getValue())).isEqualTo("1");
                        });
            }
        }
    }

    @Test
    void productionScalesTheReadPathAndEveryBudgetOrScalerTargetsAWorkload() {
        Manifests m = rendered.get("overlays/production");
        Set<String> workloads = m.workloads().stream().map(Workload::name).collect(Collectors.toSet());
        assertThat(m.all(HorizontalPodAutoscaler.class)).isNotEmpty().allSatisfy(h -> {
            assertThat(workloads).contains(h.getSpec().getScaleTargetRef().getName());
            assertThat(m.workload(h.getSpec().getScaleTargetRef().getName()).orElseThrow().kind())
                    .isEqualTo(h.getSpec().getScaleTargetRef().getKind());
        });
        assertThat(m.all(PodDisruptionBudget.class)).isNotEmpty().allSatisfy(p ->
                assertThat(workloads).contains(p.getSpec().getSelector().getMatchLabels().get("app.kubernetes.io/name")));
        for (String app : List.of("gateway", "registry-service", "sanctions-service")) {
            assertThat(m.workload(app).orElseThrow().replicas()).as(app).isGreaterThanOrEqualTo(3);
        }
        assertThat(m.workloads()).allSatisfy(w -> assertThat(w.app().getImage())
                .as("production images are pinned in the platform registry")
                .startsWith("registry.credit.example/").matches(".*:\\d+\\.\\d+\\.\\d+$"));
    }

    @Test
    void productionSanctionsHeapHoldsTheNationalIndex() {
        // issue 7: 23 million restricted subjects in at most 1.5 GiB of heap (docs/benchmarks.md: ≈ 1.2 GiB)
        Workload w = rendered.get("overlays/production").workload("sanctions-service").orElseThrow();
        Quantity limit = w.app().getResources().getLimits().get("memory");
        Matcher pct = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)")
                .matcher(w.env("JAVA_TOOL_OPTIONS").orElseThrow().getValue());
        assertThat(pct.find()).isTrue();
        BigDecimal heap = Quantity.getAmountInBytes(limit).multiply(new BigDecimal(pct.group(1))).movePointLeft(2);
        assertThat(heap).isGreaterThanOrEqualTo(new BigDecimal(3L * 512 * 1024 * 1024)); // 1.5 GiB
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/production"})
    void everySanctionsReplicaKeepsItsOwnIndexCopy(String folder) throws IOException {
        Workload w = rendered.get(folder).workload("sanctions-service").orElseThrow();
        assertThat(w.kind()).as("stable pod names").isEqualTo("StatefulSet");
        List<String> order = w.app().getEnv().stream().map(EnvVar::getName).toList();
        assertThat(order.indexOf("POD_NAME")).isNotNegative().isLessThan(order.indexOf("CREDIT_ENFORCEMENT_STORE_ID"));
        assertThat(w.env("CREDIT_ENFORCEMENT_STORE_ID").orElseThrow().getValue()).isEqualTo("$(POD_NAME)");
        // ... and the app has that setting (credit.enforcement.store-id)
        assertThat(Files.readString(Manifests.REPO.resolve("sanctions-service/src/main/resources/application.yml")))
                .containsPattern("(?s)enforcement:.*\\n    store-id:");
    }

    private AppConfig target(String channelOrRoute) {
        String module = SERVED_BY.get(channelOrRoute);
        assertThat(module).as("which app serves '%s'? add it to SERVED_BY", channelOrRoute).isNotNull();
        return apps.stream().filter(a -> a.module().equals(module)).findFirst().orElseThrow();
    }

    private static Map<String, String> platformEndpoints(Manifests m) {
        return m.all(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().startsWith("platform-endpoints"))
                .findFirst().orElseThrow().getData();
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }
}
