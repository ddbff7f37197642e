package credit.platform.launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a {@link PlatformStack} starts its application processes: the JVM options (for every app, and
 * per app) and extra command-line arguments per app (after the stack's own wiring, so they win).
 *
 * <ul>
 *   <li>{@link #fastStart()} — the default of {@code ./platform} and the system tests: small heaps,
 *       C1 only and the Serial GC, so five apps start quickly on a 2-core machine
 *       ({@link StackConfig#APP_JVM_OPTIONS}). Not for measuring speed: C1-only code is several times
 *       slower than the JVM's default JIT.</li>
 *   <li>{@link #production()} — each app's JVM as the production overlay runs it
 *       ({@code k8s/overlays/production}, {@link #PRODUCTION}): the container's {@code JAVA_TOOL_OPTIONS}
 *       and the image's flag, the container's memory limit given to the JVM as {@code -XX:MaxRAM} (so
 *       the heap is sized from it as in the container) and the collector the JVM picks in that
 *       container, named: what the benchmarks measure ({@code docs/benchmarks.md}).</li>
 * </ul>
 *
 * @param jvmOptions     options of every app's JVM
 * @param appJvmOptions  further options per app name (e.g. a flight recording of one app)
 * @param appArguments   further {@code --key=value} arguments per app name
 */
public record AppLaunch(List<String> jvmOptions, Map<String, List<String>> appJvmOptions,
        Map<String, List<String>> appArguments) {

    /**
     * One app's JVM in the production overlay: its container's {@code JAVA_TOOL_OPTIONS} and memory
     * limit. The containers have no CPU limit, so the JVM sees the node's CPUs (here: the machine's).
     *
     * @param javaToolOptions the container's {@code JAVA_TOOL_OPTIONS}
     * @param memoryLimitMiB  the container's memory limit in MiB
     */
    public record ProductionJvm(String javaToolOptions, int memoryLimitMiB) {

        /**
         * Below this much memory (or below 2 CPUs) the JVM (21 to 25) is not on a "server class machine"
         * and picks the Serial collector instead of G1: 2 GiB less 256 MiB ({@code os::is_server_class_machine}).
         */
        public static final int SERVER_CLASS_MIB = 1792;

        /** The collector the JVM picks in this container (the node has 2 CPUs or more). */
        public String collector() {
            return memoryLimitMiB >= SERVER_CLASS_MIB ? "-XX:+UseG1GC" : "-XX:+UseSerialGC";
        }

        /**
         * The options that give a JVM outside the container the same settings: the container's
         * {@code JAVA_TOOL_OPTIONS} (which include the image's {@code -XX:+ExitOnOutOfMemoryError}), the
         * memory limit as {@code -XX:MaxRAM} (the heap is sized from it: {@code MaxRAMPercentage} of it at
         * most, {@code InitialRAMPercentage} — default 1/64 — at start) and the collector the container's
         * size selects ({@code -XX:MaxRAM} does not select it).
         */
        public List<String> options() {
            List<String> options = new ArrayList<>(List.of(javaToolOptions.trim().split("\\s+")));
            options.add("-XX:MaxRAM=" + memoryLimitMiB + "m");
            options.add(collector());
            return List.copyOf(options);
        }
    }

    /**
     * The production overlay's JVMs ({@code k8s/overlays/production} over {@code k8s/base}; the k8s
     * module's {@code ProductionJvmTest} renders the overlay and checks this table against it).
     */
    public static final Map<String, ProductionJvm> PRODUCTION = Map.of(
            "registry-service", new ProductionJvm(
                    "-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp", 2048),
            "blacklist-service", new ProductionJvm(
                    "-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp", 1024),
            "scoring-service", new ProductionJvm(
                    "-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp", 1024),
            "sanctions-service", new ProductionJvm(
                    "-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp", 4096),
            "gateway", new ProductionJvm(
                    "-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp", 2048),
            "portal", new ProductionJvm(
                    "-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp", 512));

    public AppLaunch {
        jvmOptions = List.copyOf(jvmOptions);
        appJvmOptions = copy(appJvmOptions);
        appArguments = copy(appArguments);
    }

    /** Quick start-up on a small machine (the default). */
    public static AppLaunch fastStart() {
        return new AppLaunch(StackConfig.APP_JVM_OPTIONS, Map.of(), Map.of());
    }

    /** Each app's JVM as in the production overlay ({@link #PRODUCTION}): for measuring. */
    public static AppLaunch production() {
        Map<String, List<String>> perApp = new LinkedHashMap<>();
        PRODUCTION.forEach((app, jvm) -> perApp.put(app, jvm.options()));
        return new AppLaunch(List.of(), perApp, Map.of());
    }

    /** This launch plus JVM options for one app. */
    public AppLaunch withJvmOptions(String app, String... options) {
        Map<String, List<String>> more = new LinkedHashMap<>(appJvmOptions);
        List<String> list = new ArrayList<>(more.getOrDefault(app, List.of()));
        list.addAll(List.of(options));
        more.put(app, list);
        return new AppLaunch(jvmOptions, more, appArguments);
    }

    /** This launch plus command-line arguments ({@code --key=value}) for one app. */
    public AppLaunch withArguments(String app, String... arguments) {
        Map<String, List<String>> more = new LinkedHashMap<>(appArguments);
        List<String> list = new ArrayList<>(more.getOrDefault(app, List.of()));
        list.addAll(List.of(arguments));
        more.put(app, list);
        return new AppLaunch(jvmOptions, appJvmOptions, more);
    }

    /** Every JVM option of {@code app}: the common ones, then its own. */
    public List<String> jvmOptions(String app) {
        List<String> all = new ArrayList<>(jvmOptions);
        all.addAll(appJvmOptions.getOrDefault(app, List.of()));
        return all;
    }

    /** The extra arguments of {@code app} (empty when none). */
    public List<String> arguments(String app) {
        return appArguments.getOrDefault(app, List.of());
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> map) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return java.util.Collections.unmodifiableMap(copy);
    }
}
