package credit.platform.benchmarks.sanctions;

import credit.platform.sanctions.enforcement.domain.EnforcementIndex;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Index memory and build time for N synthetic restricted subjects (one record, one resident ID each),
 * then single-thread lookup rate. Run with a fixed heap, e.g.
 * {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar credit.platform.benchmarks.sanctions.IndexSizeBench 23000000}.
 */
public final class IndexSizeBench {

    public static void main(String[] args) {
        long n = Long.parseLong(args.length > 0 ? args[0] : "1000000");
        long before = usedAfterGc();
        long start = System.nanoTime();
        EnforcementIndex index = new EnforcementIndex((int) n);
        for (long i = 0; i < n; i++) {
            index.put(Synthetic.record(i), List.of(Synthetic.key(i)));
        }
        double buildSeconds = (System.nanoTime() - start) / 1e9;
        long after = usedAfterGc();
        // lookups: half listed, half not
        int probes = 2_000_000;
        var keys = new credit.platform.sanctions.enforcement.domain.SubjectKey[4096];
        for (int i = 0; i < keys.length; i++) {
            long id = ThreadLocalRandom.current().nextLong(n * 2);
            keys[i] = Synthetic.key(id % 30_000_000);
        }
        long hits = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < probes; i++) {
            hits += index.lookup(keys[i & 4095]).size();
        }
        double lookupSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("subjects=%d records=%d build=%.1fs (%.0f/s) heapDelta=%.0f MiB (%.1f B/subject) "
                        + "lookups=%.2f M/s (1 thread) hits=%d maxHeap=%d MiB%n",
                index.subjectCount(), index.recordCount(), buildSeconds, n / buildSeconds,
                (after - before) / 1048576.0, (after - before) / (double) n, probes / lookupSeconds / 1e6, hits,
                Runtime.getRuntime().maxMemory() / 1048576);
    }

    static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
