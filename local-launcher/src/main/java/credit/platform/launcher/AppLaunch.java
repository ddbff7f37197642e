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
 *   <li>{@link #production()} — the JVM's default JIT (tiered C1 + C2) and default GC (G1 on a
 *       machine with 2 CPUs and 2 GiB or more), heap {@code -Xmx1g}: what the benchmarks measure
 *       ({@code docs/benchmarks.md}).</li>
 * </ul>
 *
 * @param jvmOptions     options of every app's JVM
 * @param appJvmOptions  further options per app name (e.g. a flight recording of one app)
 * @param appArguments   further {@code --key=value} arguments per app name
 */
public record AppLaunch(List<String> jvmOptions, Map<String, List<String>> appJvmOptions,
        Map<String, List<String>> appArguments) {

    /** The production-like JVM: default JIT and GC, 1 GiB heap. */
    public static final List<String> PRODUCTION_JVM_OPTIONS = List.of("-Xmx1g");

    public AppLaunch {
        jvmOptions = List.copyOf(jvmOptions);
        appJvmOptions = copy(appJvmOptions);
        appArguments = copy(appArguments);
    }

    /** Quick start-up on a small machine (the default). */
    public static AppLaunch fastStart() {
        return new AppLaunch(StackConfig.APP_JVM_OPTIONS, Map.of(), Map.of());
    }

    /** The JVM's defaults with {@code -Xmx1g}: for measuring. */
    public static AppLaunch production() {
        return new AppLaunch(PRODUCTION_JVM_OPTIONS, Map.of(), Map.of());
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
