package credit.platform.feed.server;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one feed's watch streams: every entry after the consumer's position, in order, then live
 * entries as they are appended. The one meaning of a position on every feed: <em>the sequence of the
 * last entry the consumer has processed</em> (0 when it has none); the stream sends the entries with a
 * greater sequence.
 *
 * <p>Each stream runs on a virtual thread of its own — never on a gRPC thread — and respects flow
 * control: it sends only while the stream is ready and otherwise waits for the ready signal. Between
 * entries it sleeps until an append in this process wakes it (or {@code pollInterval} passes: appends
 * by other replicas are seen then). When it has sent everything up to the head it sends a caught-up
 * marker (if the consumer asked for them). A position below the compaction horizon gets a
 * re-snapshot message and the stream ends. {@link #close()} ends every stream cleanly (server
 * shutdown), so consumers reconnect at once, to another replica.
 *
 * @param <R> the feed's response message
 */
public final class FeedWatch<R> implements AutoCloseable {

    /** How the feed's messages are made. */
    public interface Messages<R> {
        /** One entry as a change message. */
        R change(FeedEntry entry);

        /** The position is older than the retained log: take a new snapshot. */
        R resnapshotRequired(long oldestRetainedSequence);

        /** Everything up to {@code head} has been sent. */
        R caughtUp(long head);
    }

    /**
     * @param pollInterval the longest wait before the log is read again (appends of other replicas)
     * @param batchSize    entries read at a time
     */
    public record Settings(Duration pollInterval, int batchSize) {
        public static final Settings DEFAULT = new Settings(Duration.ofMillis(250), 500);
    }

    private static final Logger log = LoggerFactory.getLogger(FeedWatch.class);

    private final FeedLog feedLog;
    private final Messages<R> messages;
    private final Settings settings;
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();

    public FeedWatch(FeedLog feedLog, Messages<R> messages, Settings settings) {
        this.feedLog = feedLog;
        this.messages = messages;
        this.settings = settings;
    }

    /**
     * Starts serving one watch call; returns at once (the stream runs on its own thread).
     *
     * @param after           the consumer's position: the last sequence it processed
     * @param caughtUpMarkers whether the consumer asked for caught-up markers
     */
    public void serve(long after, boolean caughtUpMarkers, StreamObserver<R> response) {
        ServerCallStreamObserver<R> call = (ServerCallStreamObserver<R>) response;
        if (after < feedLog.oldestResumable() || after < 0) {
            call.onNext(messages.resnapshotRequired(feedLog.oldestRetained()));
            call.onCompleted();
            return;
        }
        Stream stream = new Stream(call, after, caughtUpMarkers);
        streams.add(stream);
        Thread.ofVirtual().name("watch-" + feedLog.name()).start(stream::run);
    }

    /** How many streams are open. */
    public int open() {
        return streams.size();
    }

    /** Ends every stream cleanly (the server is stopping). */
    @Override
    public void close() {
        streams.forEach(Stream::close);
    }

    private final class Stream {

        private final ServerCallStreamObserver<R> call;
        private final boolean markers;
        private final Semaphore wake = new Semaphore(0);
        private volatile boolean cancelled;
        private volatile boolean closing;
        private long cursor;

        Stream(ServerCallStreamObserver<R> call, long after, boolean markers) {
            this.call = call;
            this.cursor = after;
            this.markers = markers;
            // Handlers must be set before the RPC method returns.
            call.setOnCancelHandler(() -> {
                cancelled = true;
                wake.release();
            });
            call.setOnReadyHandler(wake::release);
        }

        void close() {
            closing = true;
            wake.release();
        }

        void run() {
            boolean announced = false;
            try (AutoCloseable subscription = feedLog.subscribe(wake::release)) {
                while (!cancelled && !closing) {
                    // Drain before reading: an append after this point leaves a permit, so no wake-up is lost.
                    wake.drainPermits();
                    if (!call.isReady()) {
                        await();
                        continue;
                    }
                    List<FeedEntry> batch = feedLog.readAfter(cursor, settings.batchSize());
                    // Checked after the read: compaction raises the horizon before it deletes, so a cursor
                    // at or above the horizon here read a complete batch.
                    if (cursor < feedLog.oldestResumable()) {
                        call.onNext(messages.resnapshotRequired(feedLog.oldestRetained()));
                        break;
                    }
                    if (batch.isEmpty()) {
                        if (markers && !announced) {
                            call.onNext(messages.caughtUp(cursor));
                            announced = true;
                        }
                        await();
                        continue;
                    }
                    announced = false;
                    for (FeedEntry entry : batch) {
                        if (cancelled || closing) {
                            break;
                        }
                        call.onNext(messages.change(entry));
                        cursor = entry.sequence();
                        if (!call.isReady()) {
                            break;
                        }
                    }
                }
                if (!cancelled) {
                    call.onCompleted();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(e);
            } catch (Exception e) {
                fail(e);
            } finally {
                streams.remove(this);
                log.debug("watch of {} ended after sequence {}", feedLog.name(), cursor);
            }
        }

        private void await() throws InterruptedException {
            wake.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        }

        private void fail(Exception e) {
            if (cancelled) {
                return;
            }
            log.warn("watch of {} failed after sequence {}: {}", feedLog.name(), cursor, e.getClass().getName());
            try {
                call.onError(Status.UNAVAILABLE
                        .withDescription("the change feed could not be read; resume after the last sequence processed")
                        .asRuntimeException());
            } catch (RuntimeException ignored) {
                // the stream is already closed
            }
        }
    }
}
