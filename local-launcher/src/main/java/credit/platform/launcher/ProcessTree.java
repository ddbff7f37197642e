package credit.platform.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Stops a process together with everything it started (kc.sh → java, a shell → its children …). */
public final class ProcessTree {

    private ProcessTree() {
    }

    /**
     * Sends SIGTERM to the process and all its descendants, waits up to {@code grace} for all of them
     * to exit, then SIGKILLs whatever is left.
     *
     * @return true if everything ended within the grace period (no SIGKILL needed)
     */
    public static boolean stop(ProcessHandle root, Duration grace) {
        // Snapshot the tree first: once the parent dies its children are re-parented and can no longer be found.
        List<ProcessHandle> tree = new ArrayList<>();
        root.descendants().forEach(tree::add);
        tree.add(root);
        for (ProcessHandle p : tree) {
            p.destroy();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        boolean graceful = true;
        for (ProcessHandle p : tree) {
            long left = deadline - System.nanoTime();
            try {
                p.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
            } catch (Exception timeoutOrInterrupt) {
                if (timeoutOrInterrupt instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
            if (p.isAlive()) {
                graceful = false;
            }
        }
        if (!graceful) {
            List<CompletableFuture<ProcessHandle>> exits = new ArrayList<>();
            for (ProcessHandle p : tree) {
                if (p.isAlive()) {
                    p.destroyForcibly();
                    exits.add(p.onExit());
                }
            }
            try {
                CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // best effort: nothing more we can do than SIGKILL
            }
        }
        return graceful;
    }
}
