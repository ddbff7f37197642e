package credit.platform.benchmarks.frontdoor;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The load loops of the front-door harness, the same for every target (echo, direct, gateway; REST and
 * gRPC), so that their figures compare: a <b>closed loop</b> keeps N calls outstanding (each completion
 * sends the next), an <b>open loop</b> sends at a fixed rate whatever the answers do and measures each
 * call from its <em>intended</em> send time (a stalled server or client shows as latency of every call
 * it delayed, not as fewer calls — no coordinated omission).
 */
final class Load {

    private Load() {
    }

    /** How an answer counts: served, refused by design (429/503, RESOURCE_EXHAUSTED/UNAVAILABLE), or an error. */
    enum Kind { OK, REJECTED, ERROR }

    /** Called once per call with the answer's status text (e.g. "200", "503 overloaded", "RESOURCE_EXHAUSTED"). */
    interface Completion {
        void done(String status, Kind kind);
    }

    /** Something to call: one request per call, answered through {@link Completion} on any thread. */
    interface Target {
        String name();

        void call(long i, Completion completion);
    }

    /** What one run measured. Latencies in nanoseconds. */
    static final class Stats {
        final Histogram ok = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(120), 3);
        final Histogram rejected = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(120), 3);
        /** Rejections measured from the actual send (without the client's own lag behind schedule). */
        final Histogram rejectedFromSend = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(120), 3);
        final Histogram errors = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(120), 3);
        final Map<String, LongAdder> byStatus = new ConcurrentHashMap<>();
        /** Served answers per second of the run (goodput over time). */
        final AtomicLongArray okPerSecond;
        final LongAdder notSent = new LongAdder();
        long startNanos;
        double seconds;
        long sent;

        Stats(int maxSeconds) {
            okPerSecond = new AtomicLongArray(maxSeconds + 2);
        }

        void record(String status, Kind kind, long intended, long sentAt, long now) {
            byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
            long latency = Math.max(0, now - intended);
            switch (kind) {
                case OK -> {
                    ok.recordValue(Math.min(latency, ok.getHighestTrackableValue()));
                    int second = (int) ((now - startNanos) / 1_000_000_000L);
                    if (second >= 0 && second < okPerSecond.length()) {
                        okPerSecond.incrementAndGet(second);
                    }
                }
                case REJECTED -> {
                    rejected.recordValue(Math.min(latency, rejected.getHighestTrackableValue()));
                    rejectedFromSend.recordValue(Math.min(Math.max(0, now - sentAt),
                            rejectedFromSend.getHighestTrackableValue()));
                }
                case ERROR -> errors.recordValue(Math.min(latency, errors.getHighestTrackableValue()));
            }
        }

        double okRate() {
            return ok.getTotalCount() / seconds;
        }

        long count(Kind kind) {
            return switch (kind) {
                case OK -> ok.getTotalCount();
                case REJECTED -> rejected.getTotalCount();
                case ERROR -> errors.getTotalCount();
            };
        }

        /** Status → count, sorted. */
        Map<String, Long> statuses() {
            Map<String, Long> sorted = new TreeMap<>();
            byStatus.forEach((k, v) -> sorted.put(k, v.sum()));
            return sorted;
        }

        /** The lowest served rate over whole {@code window}-second windows of the run. */
        double minWindowRate(int window) {
            int full = (int) Math.floor(seconds);
            double min = Double.MAX_VALUE;
            for (int from = 0; from + window <= full; from += window) {
                long sum = 0;
                for (int s = from; s < from + window; s++) {
                    sum += okPerSecond.get(s);
                }
                min = Math.min(min, sum / (double) window);
            }
            return min == Double.MAX_VALUE ? okRate() : min;
        }
    }

    static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1e6;
    }

    /**
     * {@code concurrency} calls outstanding for {@code warmup} seconds (not recorded), then for
     * {@code seconds} (recorded). Returns when every call has been answered.
     */
    static Stats closed(Target target, int concurrency, double warmup, double seconds) throws InterruptedException {
        if (warmup > 0) {
            closedRun(target, concurrency, warmup, null);
        }
        Stats stats = new Stats((int) Math.ceil(seconds) + 1);
        closedRun(target, concurrency, seconds, stats);
        return stats;
    }

    private static void closedRun(Target target, int concurrency, double seconds, Stats stats)
            throws InterruptedException {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        if (stats != null) {
            stats.startNanos = start;
        }
        CountDownLatch finished = new CountDownLatch(concurrency);
        AtomicInteger counter = new AtomicInteger();
        LongAdder sent = new LongAdder();
        for (int slot = 0; slot < concurrency; slot++) {
            new Object() {
                void next() {
                    long t = System.nanoTime();
                    if (t >= end) {
                        finished.countDown();
                        return;
                    }
                    sent.increment();
                    target.call(counter.getAndIncrement(), (status, kind) -> {
                        if (stats != null) {
                            long now = System.nanoTime();
                            if (now <= end) {
                                stats.record(status, kind, t, t, now);
                            }
                        }
                        next();
                    });
                }
            }.next();
        }
        if (!finished.await((long) (seconds * 1e9) + TimeUnit.SECONDS.toNanos(60), TimeUnit.NANOSECONDS)) {
            System.err.println("  (" + target.name() + ": calls still outstanding 60 s after the end)");
        }
        if (stats != null) {
            stats.seconds = (Math.min(System.nanoTime(), end) - start) / 1e9;
            stats.sent = sent.sum();
        }
    }

    /**
     * {@code rate} calls per second for {@code seconds}, latency from each call's intended send time. At
     * most {@code maxOutstanding} calls in flight: a call that would exceed it is not sent and counted in
     * {@link Stats#notSent} (the client, not the server, could not keep up).
     */
    static Stats open(Target target, double rate, double seconds, int maxOutstanding) throws InterruptedException {
        Stats stats = new Stats((int) Math.ceil(seconds) + 1);
        long start = System.nanoTime();
        stats.startNanos = start;
        long end = start + (long) (seconds * 1e9);
        double interval = 1e9 / rate;
        AtomicInteger outstanding = new AtomicInteger();
        long k = 0;
        while (true) {
            long intended = start + (long) (k * interval);
            if (intended >= end) {
                break;
            }
            long now = System.nanoTime();
            if (intended > now) {
                // never spin: the client shares the cores with the servers. The OS wakes it ~50 µs late at
                // best, so at high rates it sends the calls that fell due meanwhile together (their
                // latency still counts from their intended times)
                LockSupport.parkNanos(intended - now);
                continue;
            }
            k++;
            if (outstanding.get() >= maxOutstanding) {
                stats.notSent.increment();
                continue;
            }
            outstanding.incrementAndGet();
            long sentAt = System.nanoTime();
            target.call(k, (status, kind) -> {
                stats.record(status, kind, intended, sentAt, System.nanoTime());
                outstanding.decrementAndGet();
            });
        }
        stats.sent = k - stats.notSent.sum();
        stats.seconds = seconds;
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (outstanding.get() > 0 && System.nanoTime() < drainUntil) {
            Thread.sleep(5);
        }
        return stats;
    }
}
