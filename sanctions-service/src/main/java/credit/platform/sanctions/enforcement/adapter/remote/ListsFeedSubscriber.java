package credit.platform.sanctions.enforcement.adapter.remote;

import credit.lists.v1.ListsServiceGrpc;
import credit.lists.v1.SnapshotRequest;
import credit.lists.v1.SnapshotResponse;
import credit.lists.v1.WatchRequest;
import credit.lists.v1.WatchResponse;
import credit.platform.sanctions.enforcement.domain.Enforcement;
import credit.platform.sanctions.enforcement.domain.FeedChange;
import credit.platform.sanctions.enforcement.domain.IndexMaintenance;
import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Follows the lists service's feed on its own thread (the list/watch pattern): restore the index
 * from the local store, or take a {@code Snapshot} when there is none (or the feed asks for one),
 * then {@code Watch} from the last applied sequence. On any failure — lists down, registry down
 * while indexing a change, stream ended — it reconnects after a growing pause and resumes after the
 * last applied sequence, so nothing is missed and nothing applied twice.
 *
 * <p>Caught up (readiness true): right after a snapshot; after a restore, once the watch has
 * delivered its backlog — the first time the stream stays quiet for {@code catchUpQuiet}.
 */
public class ListsFeedSubscriber implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ListsFeedSubscriber.class);
    private static final Object QUIET = new Object();

    private final ListsServiceGrpc.ListsServiceBlockingStub blocking;
    private final ListsServiceGrpc.ListsServiceStub async;
    private final IndexMaintenance maintenance;
    private final Enforcement enforcement;
    private final Duration catchUpQuiet;
    private final Duration maxBackoff;

    private volatile boolean running;
    private volatile Thread thread;
    private volatile Context.CancellableContext call;

    public ListsFeedSubscriber(ListsServiceGrpc.ListsServiceBlockingStub blocking, ListsServiceGrpc.ListsServiceStub async,
            IndexMaintenance maintenance, Enforcement enforcement, Duration catchUpQuiet, Duration maxBackoff) {
        this.blocking = blocking;
        this.async = async;
        this.maintenance = maintenance;
        this.enforcement = enforcement;
        this.catchUpQuiet = catchUpQuiet;
        this.maxBackoff = maxBackoff;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("lists-feed").start(this::run);
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
        long backoff = 100;
        boolean restored = false;
        while (running) {
            try {
                if (!restored) {
                    long seq = maintenance.restore();
                    restored = true;
                    if (seq >= 0) {
                        log.info("Enforcement index restored from the local store at sequence {} ({} subjects)",
                                seq, enforcement.index().subjectCount());
                    }
                }
                if (enforcement.sequence() < 0) {
                    snapshot();
                }
                backoff = 100;
                watch();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                enforcement.connected(false);
                if (!running) {
                    return;
                }
                log.warn("Lists feed interrupted ({}); resuming after sequence {} in {} ms",
                        e.getClass().getSimpleName() + ": " + e.getMessage(), enforcement.sequence(), backoff);
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

    private void snapshot() {
        long started = System.nanoTime();
        maintenance.beginSnapshot();
        Context.CancellableContext ctx = Context.current().withCancellation();
        call = ctx;
        try {
            ctx.run(() -> {
                Iterator<SnapshotResponse> it = blocking.snapshot(SnapshotRequest.getDefaultInstance());
                long count = 0;
                while (it.hasNext()) {
                    SnapshotResponse item = it.next();
                    if (item.hasRecord()) {
                        maintenance.snapshotRecord(ProtoMapping.record(item.getRecord()));
                        count++;
                    } else if (item.getItemCase() == SnapshotResponse.ItemCase.AT_SEQUENCE) {
                        maintenance.finishSnapshot(item.getAtSequence());
                        enforcement.connected(true);
                        enforcement.markCaughtUp();
                        log.info("Enforcement index built from a snapshot of {} records at sequence {} in {} ms",
                                count, item.getAtSequence(), (System.nanoTime() - started) / 1_000_000);
                        return;
                    }
                }
                throw new IllegalStateException("snapshot ended without its sequence");
            });
        } finally {
            ctx.cancel(null);
        }
    }

    private void watch() throws InterruptedException {
        BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        Context.CancellableContext ctx = Context.current().withCancellation();
        call = ctx;
        long from = enforcement.sequence();
        ctx.run(() -> async.watch(WatchRequest.newBuilder().setFromSequence(from).build(), new StreamObserver<>() {
            @Override
            public void onNext(WatchResponse value) {
                queue.add(value);
            }

            @Override
            public void onError(Throwable t) {
                queue.add(t);
            }

            @Override
            public void onCompleted() {
                queue.add(new IllegalStateException("watch stream completed"));
            }
        }));
        try {
            while (running) {
                Object item = queue.poll(catchUpQuiet.toMillis(), TimeUnit.MILLISECONDS);
                if (item == null) {
                    item = QUIET;
                }
                if (item == QUIET) {
                    enforcement.connected(true);
                    if (!enforcement.caughtUp()) {
                        enforcement.markCaughtUp();
                        log.info("Enforcement index caught up with the lists feed at sequence {}", enforcement.sequence());
                    }
                } else if (item instanceof Throwable t) {
                    throw t instanceof RuntimeException re ? re : new IllegalStateException(t);
                } else if (item instanceof WatchResponse w) {
                    if (w.hasResnapshotRequired()) {
                        log.warn("Lists feed no longer holds sequence {}: taking a new snapshot", from);
                        ctx.cancel(null);
                        snapshot();
                        return;
                    }
                    enforcement.connected(true);
                    var change = w.getChange();
                    maintenance.apply(new FeedChange(change.getSequence(), ProtoMapping.record(change.getRecord()),
                            change.hasOccurredAt() ? ProtoMapping.instant(change.getOccurredAt()) : null));
                }
            }
        } finally {
            ctx.cancel(null);
        }
    }
}
