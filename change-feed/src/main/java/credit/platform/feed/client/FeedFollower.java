package credit.platform.feed.client;

import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one change feed (the client side of every feed of the platform): opens the watch after the
 * last applied position, applies each change in order on one thread, says when it has caught up, takes a
 * new snapshot when it has no position or the feed no longer reaches back to it, and on any failure —
 * the other service down, the stream ended, a change that could not be applied — reconnects after a
 * growing, jittered pause and resumes after the last applied position. Nothing is missed and nothing is
 * applied twice as long as {@link #resumeAfter()} moves only once a change is applied (and {@link #apply}
 * ignores a change at or below it).
 *
 * <pre>{@code
 * class Notices extends FeedFollower<WatchResponse> {
 *     Notices() { super("lists feed (notices)", FeedFollower.Settings.DEFAULT); }
 *     protected long resumeAfter() { return store.position(); }               // -1: none yet
 *     protected void resnapshot() { store.position(listsSnapshotHead()); }    // or re-derive
 *     protected void open(long after, StreamObserver<WatchResponse> o) {
 *         lists.watch(WatchRequest.newBuilder().setFromSequence(after).setCaughtUpMarkers(true).build(), o);
 *     }
 *     protected Kind kindOf(WatchResponse r) { return r.hasChange() ? Kind.CHANGE
 *             : r.hasCaughtUp() ? Kind.CAUGHT_UP : Kind.RESNAPSHOT_REQUIRED; }
 *     protected void apply(WatchResponse r) { notify(r.getChange()); store.position(r.getChange().getSequence()); }
 * }
 * }</pre>
 *
 * @param <T> the watch stream's message type
 */
public abstract class FeedFollower<T> {

    /** What a message of the stream is. */
    public enum Kind {
        /** A change: apply it. */
        CHANGE,
        /** The feed has sent everything up to its head. */
        CAUGHT_UP,
        /** The feed no longer reaches back to the position: take a new snapshot, then watch after it. */
        RESNAPSHOT_REQUIRED
    }

    /**
     * @param quietMeansCaughtUp only for a feed that sends no caught-up marker ({@code null}: rely on the
     *                           markers): caught up once the stream stays quiet this long — a guess, since a
     *                           slow server may pause mid-backlog
     * @param firstBackoff       the first pause before reconnecting
     * @param maxBackoff         the longest pause before reconnecting
     */
    public record Settings(Duration quietMeansCaughtUp, Duration firstBackoff, Duration maxBackoff) {
        public static final Settings DEFAULT = new Settings(null, Duration.ofMillis(100), Duration.ofSeconds(5));

        public Settings withMaxBackoff(Duration max) {
            return new Settings(quietMeansCaughtUp, firstBackoff, max);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(FeedFollower.class);

    private final String name;
    private final Settings settings;

    private volatile boolean running;
    private volatile Thread thread;
    private volatile Context.CancellableContext call;
    private volatile boolean resnapshotRequired;
    private volatile long reconnects;

    /** @param name names the thread and the log lines ("lists feed", "grade-change feed", …) */
    protected FeedFollower(String name, Settings settings) {
        this.name = name;
        this.settings = settings;
    }

    // ------------------------------------------------------------------ what a feed supplies

    /** Whether this feed is followed at all (checked once, at start). */
    protected boolean wanted() {
        return true;
    }

    /** Runs before each (re)connection, on the follower's thread (e.g. restore local state once). */
    protected void beforeWatch() {
    }

    /** The last applied position; negative when there is none (then {@link #resnapshot()} runs first). */
    protected abstract long resumeAfter();

    /** Opens the watch after {@code after}, delivering to {@code observer}. */
    protected abstract void open(long after, StreamObserver<T> observer);

    protected abstract Kind kindOf(T message);

    /** Applies one change and moves the position to it; ignores a change at or below the position. */
    protected abstract void apply(T change);

    /**
     * Takes a new snapshot (or re-derives what this consumer holds from the source) and moves the
     * position to where the watch continues. Runs on the follower's thread, in a context {@link #stop()}
     * cancels. The default is for feeds without snapshots: start from the beginning of the retained log.
     */
    protected void resnapshot() {
    }

    /** Connected and caught up with the feed, at {@code head} (-1 when only inferred from quiet). */
    protected void caughtUp(long head) {
    }

    /** Connected (a message arrived) or disconnected (the connection failed; the follower reconnects). */
    protected void connected(boolean connected) {
    }

    // ------------------------------------------------------------------ lifecycle

    public void start() {
        if (running || !wanted()) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name(name.replace(' ', '-')).start(this::run);
    }

    public void stop() {
        running = false;
        Context.CancellableContext c = call;
        if (c != null) {
            c.cancel(null);
        }
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    public boolean isRunning() {
        return running;
    }

    /** How many times the follower reconnected after a failure (a metric). */
    public long reconnects() {
        return reconnects;
    }

    public String name() {
        return name;
    }

    /** Runs {@code work} in a context {@link #stop()} cancels (for a blocking call such as a snapshot). */
    protected final void cancellable(Runnable work) {
        Context.CancellableContext ctx = Context.current().withCancellation();
        call = ctx;
        try {
            ctx.run(work);
        } finally {
            ctx.cancel(null);
        }
    }

    private void run() {
        long backoff = settings.firstBackoff().toMillis();
        while (running) {
            try {
                beforeWatch();
                if (resnapshotRequired || resumeAfter() < 0) {
                    cancellable(this::resnapshot);
                    resnapshotRequired = false;
                }
                boolean delivered = watch();
                if (delivered) {
                    backoff = settings.firstBackoff().toMillis();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                connected(false);
                if (!running) {
                    return;
                }
                reconnects++;
                long pause = jitter(backoff);
                log.warn("{} interrupted ({}); resuming after sequence {} in {} ms", name,
                        e.getClass().getSimpleName() + ": " + e.getMessage(), safePosition(), pause);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(settings.maxBackoff().toMillis(), backoff * 2);
            }
        }
    }

    private long safePosition() {
        try {
            return resumeAfter();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static long jitter(long millis) {
        return Math.max(1, millis - millis / 5 + ThreadLocalRandom.current().nextLong(millis / 5 * 2 + 1));
    }

    /**
     * One connection, until stopped, failed (thrown), or the feed asks for a new snapshot.
     *
     * @return whether anything arrived
     */
    private boolean watch() throws InterruptedException {
        BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        Context.CancellableContext ctx = Context.current().withCancellation();
        call = ctx;
        long after = Math.max(0, resumeAfter());
        ctx.run(() -> open(after, new StreamObserver<>() {
            @Override
            public void onNext(T value) {
                queue.add(new Item<>(value));
            }

            @Override
            public void onError(Throwable t) {
                queue.add(t);
            }

            @Override
            public void onCompleted() {
                queue.add(new IllegalStateException(name + " stream completed"));
            }
        }));
        boolean quietFallback = settings.quietMeansCaughtUp() != null;
        boolean delivered = false;
        boolean markers = false;
        boolean quietAnnounced = false;
        try {
            while (running) {
                Object item = queue.poll(quietFallback ? settings.quietMeansCaughtUp().toMillis() : 1000,
                        TimeUnit.MILLISECONDS);
                if (item instanceof Throwable t) {
                    throw t instanceof RuntimeException re ? re : new IllegalStateException(t);
                }
                if (item == null) {
                    if (quietFallback && !markers && !quietAnnounced) {
                        caughtUp(-1);
                        quietAnnounced = true;
                    }
                    continue;
                }
                if (!delivered) {
                    connected(true);
                }
                delivered = true;
                @SuppressWarnings("unchecked")
                T message = ((Item<T>) item).value();
                switch (kindOf(message)) {
                    case CHANGE -> {
                        apply(message);
                        quietAnnounced = false;
                    }
                    case CAUGHT_UP -> {
                        markers = true;
                        caughtUp(resumeAfter());
                    }
                    case RESNAPSHOT_REQUIRED -> {
                        log.warn("{} no longer reaches sequence {}: taking a new snapshot", name, resumeAfter());
                        resnapshotRequired = true;
                        return true;
                    }
                }
            }
            return delivered;
        } finally {
            ctx.cancel(null);
        }
    }

    private record Item<T>(T value) {
    }
}
