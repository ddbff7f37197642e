package credit.platform.gateway.traffic;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/** One {@link Admission} per route id (REST routes by their gateway route id; the gRPC door as {@code sanctions-grpc}). */
public final class Admissions implements AutoCloseable {

    /** The gRPC front door's admission (sanctions' RPCs). */
    public static final String GRPC = "sanctions-grpc";

    private final TrafficProperties properties;
    private final Map<String, Admission> byRoute = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor timer;

    public Admissions(TrafficProperties properties) {
        this.properties = properties;
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "admission-timeouts");
            t.setDaemon(true);
            return t;
        });
        this.timer.setRemoveOnCancelPolicy(true);
    }

    public Admission forRoute(String routeId) {
        return byRoute.computeIfAbsent(routeId, id -> new Admission(id, properties.admission(id), timer));
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
