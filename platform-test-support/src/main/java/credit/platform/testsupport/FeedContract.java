package credit.platform.testsupport;

import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * The consumer side of every feed's contract test (docs/architecture.md, DR-7: "concurrent writers, a consumer killed
 * and resumed mid-stream, and the consumer's set equal to the source's"): a consumer that watches a
 * feed, is killed at random points (its stream cancelled; whatever arrived after the kill is never
 * processed) and resumes after the last change it processed, until the writers are done and it has
 * processed the feed's head.
 *
 * @param <T> the watch stream's message type
 */
public final class FeedContract<T> {

    private final BiConsumer<Long, StreamObserver<T>> open;
    private final ToLongFunction<T> sequence;
    private final Predicate<T> isChange;
    private final Random random;

    /**
     * @param open     opens the watch after a position (the last processed sequence)
     * @param sequence the sequence of a change message
     * @param isChange whether a message is a change (not a caught-up marker)
     * @param seed     seeds the kill points (printed with a failure, to replay it)
     */
    public FeedContract(BiConsumer<Long, StreamObserver<T>> open, ToLongFunction<T> sequence, Predicate<T> isChange,
            long seed) {
        this.open = open;
        this.sequence = sequence;
        this.isChange = isChange;
        this.random = new Random(seed);
    }

    /** What the consumer processed, in order, and how often it was killed. */
    public record Consumed<T>(List<T> changes, int kills) {
    }

    /**
     * Consumes until {@code writersDone} and the last processed sequence equals {@code head}.
     *
     * @param killEvery a kill falls after 1 to this many processed changes
     */
    public Consumed<T> consume(BooleanSupplier writersDone, LongSupplier head, int killEvery, Duration timeout)
            throws InterruptedException {
        List<T> processed = new ArrayList<>();
        long position = 0;
        int kills = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("consumer did not reach the head in " + timeout + ": at " + position
                        + ", head " + head.getAsLong() + ", " + processed.size() + " changes, " + kills + " kills");
            }
            boolean done = writersDone.getAsBoolean();
            if (done && position == head.getAsLong()) {
                return new Consumed<>(processed, kills);
            }
            int killAfter = 1 + random.nextInt(killEvery);
            BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
            Context.CancellableContext call = Context.current().withCancellation();
            long after = position;
            call.run(() -> open.accept(after, new StreamObserver<>() {
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
                    queue.add(new IllegalStateException("completed"));
                }
            }));
            int inThisStream = 0;
            try {
                while (inThisStream < killAfter) {
                    Object item = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (item == null) {
                        if (writersDone.getAsBoolean() && position == head.getAsLong()) {
                            break;
                        }
                        if (System.nanoTime() > deadline) {
                            break;
                        }
                        continue;
                    }
                    if (item instanceof Throwable) {
                        break; // stream failed or ended: resume
                    }
                    @SuppressWarnings("unchecked")
                    T message = ((Item<T>) item).value();
                    if (!isChange.test(message)) {
                        continue;
                    }
                    processed.add(message);
                    position = sequence.applyAsLong(message);
                    inThisStream++;
                }
            } finally {
                call.cancel(null); // killed: nothing that arrives after this is processed
            }
            if (inThisStream >= killAfter) {
                kills++;
            }
        }
    }

    private record Item<T>(T value) {
    }
}
