package credit.platform.sanctions.enforcement.adapter.remote;

import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Follows one resumable server stream (a feed) on its own thread: opens it from the last applied
 * sequence, hands each item over in order, says when the stream has stayed quiet for
 * {@code catchUpQuiet} (the backlog is delivered first, so quiet means caught up), and on any failure
 * — the other service down, the stream ended, an item that could not be applied — reconnects after a
 * growing pause (up to {@code maxBackoff}) and resumes after the last applied sequence. Nothing is
 * missed and nothing applied twice as long as {@link #resumeFrom()} only moves once an item is applied.
 *
 * @param <T> the stream's message type
 */
abstract class FeedFollower<T> implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedFollower.class);
    private static final long FIRST_BACKOFF_MS = 100;

    private final String name;
    private final Duration catchUpQuiet;
    private final Duration maxBackoff;

    private volatile boolean running;
    private volatile Thread thread;
    private volatile Context.CancellableContext call;
    /** Whether the current connection delivered anything (then a failure starts the pauses afresh). */
    private volatile boolean up;

    /** @param name names the thread and the log lines ("lists feed", "grade-change feed", …) */
    protected FeedFollower(String name, Duration catchUpQuiet, Duration maxBackoff) {
        this.name = name;
        this.catchUpQuiet = catchUpQuiet;
        this.maxBackoff = maxBackoff;
    }

    /** Whether this feed is followed at all (checked once, at start). */
    protected boolean wanted() {
        return true;
    }

    /** Runs before each (re)connection, on the follower's thread: restore, snapshot. */
    protected void beforeWatch() {
    }

    /** The sequence to open the stream from (the last applied one; the feed sends what follows). */
    protected abstract long resumeFrom();

    /** Opens the stream from {@code from}, delivering to {@code observer}. */
    protected abstract void open(long from, StreamObserver<T> observer);

    /** Applies one item. {@code false} ends this connection and reconnects at once (e.g. a re-snapshot is needed). */
    protected abstract boolean onItem(T item);

    /** The stream stayed quiet for {@code catchUpQuiet}: connected and caught up. */
    protected abstract void onQuiet();

    /** The connection failed; the follower will reconnect. */
    protected abstract void onDisconnected();

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

    @Override
    public void start() {
        if (!wanted()) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name(name.replace(' ', '-')).start(this::run);
    }

    @Override
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

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        long backoff = FIRST_BACKOFF_MS;
        while (running) {
            try {
                beforeWatch();
                watch();
                backoff = FIRST_BACKOFF_MS;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                onDisconnected();
                if (!running) {
                    return;
                }
                if (up) {
                    backoff = FIRST_BACKOFF_MS; // it was working: reconnect soon
                }
                log.warn("{} interrupted ({}); resuming after sequence {} in {} ms", name,
                        e.getClass().getSimpleName() + ": " + e.getMessage(), resumeFrom(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(maxBackoff.toMillis(), backoff * 2);
            }
        }
    }

    /** One connection, until stopped, failed, or an item asks to reconnect. */
    private void watch() throws InterruptedException {
        up = false;
        BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        Context.CancellableContext ctx = Context.current().withCancellation();
        call = ctx;
        long from = resumeFrom();
        ctx.run(() -> open(from, new StreamObserver<>() {
            @Override
            public void onNext(T value) {
                queue.add(value);
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
        try {
            while (running) {
                Object item = queue.poll(catchUpQuiet.toMillis(), TimeUnit.MILLISECONDS);
                if (item instanceof Throwable t) {
                    throw t instanceof RuntimeException re ? re : new IllegalStateException(t);
                }
                up = true;
                if (item == null) {
                    onQuiet();
                } else {
                    @SuppressWarnings("unchecked")
                    T value = (T) item;
                    if (!onItem(value)) {
                        return;
                    }
                }
            }
        } finally {
            ctx.cancel(null);
        }
    }
}
