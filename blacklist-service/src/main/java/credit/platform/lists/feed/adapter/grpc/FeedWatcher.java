package credit.platform.lists.feed.adapter.grpc;

import credit.lists.v1.ResnapshotRequired;
import credit.lists.v1.WatchResponse;
import credit.platform.lists.feed.adapter.FeedProperties;
import credit.platform.lists.feed.domain.ChangeEvent;
import credit.platform.lists.feed.domain.ChangeFeed;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Watch stream, on a virtual thread of its own: sends every committed change after the cursor
 * in order, then sleeps until the feed announces an append (or the poll interval passes, the safety
 * net), and repeats. Respects gRPC flow control: it only sends while the stream is ready. Only this
 * thread writes to the stream; the cancel and ready handlers just set flags and wake it.
 */
final class FeedWatcher {

    private static final Logger log = LoggerFactory.getLogger(FeedWatcher.class);

    private final ChangeFeed feed;
    private final ServerCallStreamObserver<WatchResponse> stream;
    private final FeedProperties properties;
    private final Supplier<LocalDate> today;
    private final Consumer<FeedWatcher> onEnd;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean cancelled;
    private volatile boolean closing;
    private long cursor;

    FeedWatcher(ChangeFeed feed, ServerCallStreamObserver<WatchResponse> stream, long from, FeedProperties properties,
            Supplier<LocalDate> today, Consumer<FeedWatcher> onEnd) {
        this.feed = feed;
        this.stream = stream;
        this.cursor = from;
        this.properties = properties;
        this.today = today;
        this.onEnd = onEnd;
        // Handlers must be set before the RPC method returns.
        stream.setOnCancelHandler(() -> {
            cancelled = true;
            wake.release();
        });
        stream.setOnReadyHandler(wake::release);
    }

    void start() {
        Thread.ofVirtual().name("lists-watch").start(this::run);
    }

    /** The server is stopping: end the stream cleanly. */
    void close() {
        closing = true;
        wake.release();
    }

    private void run() {
        try (AutoCloseable subscription = feed.subscribe(wake::release)) {
            while (!cancelled && !closing) {
                // Drain before reading: an append after this point leaves a permit, so no wake-up is lost.
                wake.drainPermits();
                if (!stream.isReady()) {
                    await();
                    continue;
                }
                List<ChangeEvent> batch = feed.readAfter(cursor, properties.batchSize());
                // Checked after the read: compaction raises the horizon before it deletes, so a cursor at
                // or above the horizon here read a complete batch.
                if (cursor < feed.oldestResumableSequence()) {
                    stream.onNext(WatchResponse.newBuilder().setResnapshotRequired(ResnapshotRequired.newBuilder()
                            .setOldestRetainedSequence(feed.oldestRetainedSequence())).build());
                    break;
                }
                if (batch.isEmpty()) {
                    await();
                    continue;
                }
                LocalDate day = today.get();
                for (ChangeEvent event : batch) {
                    if (cancelled || closing) {
                        break;
                    }
                    stream.onNext(WatchResponse.newBuilder().setChange(RecordProtos.change(event, day)).build());
                    cursor = event.sequence();
                    if (!stream.isReady()) {
                        break;
                    }
                }
            }
            if (!cancelled) {
                stream.onCompleted();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
        } catch (Exception e) {
            fail(e);
        } finally {
            onEnd.accept(this);
            log.debug("watch ended at sequence {}", cursor);
        }
    }

    private void await() throws InterruptedException {
        wake.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void fail(Exception e) {
        if (cancelled) {
            return;
        }
        log.warn("watch failed at sequence {}: {}", cursor, e.getClass().getName());
        try {
            stream.onError(Status.UNAVAILABLE.withDescription("the change feed could not be read; resume from the last sequence")
                    .asRuntimeException());
        } catch (RuntimeException ignored) {
            // the stream is already closed
        }
    }
}
