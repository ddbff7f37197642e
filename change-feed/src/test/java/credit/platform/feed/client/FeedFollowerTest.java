package credit.platform.feed.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The follower against a scripted feed (no network): it resumes after the last applied position, takes
 * a snapshot when it has none or the feed asks for one, reports caught-up markers, and reconnects after
 * a failure without applying anything twice.
 */
class FeedFollowerTest {

    /** A message of the scripted feed: a change with its sequence, a caught-up marker, or "re-snapshot". */
    record Msg(String kind, long sequence) {
    }

    /** A feed of 1..head; fails the first connection after two changes; asks for a re-snapshot once when told. */
    static final class ScriptedFollower extends FeedFollower<Msg> {
        final List<Long> opened = new CopyOnWriteArrayList<>();
        final List<Long> applied = new CopyOnWriteArrayList<>();
        final List<Long> caughtUp = new CopyOnWriteArrayList<>();
        volatile long position = -1;
        volatile int snapshots;
        volatile long head = 5;
        volatile boolean failFirst = true;
        volatile boolean askResnapshotOnce;

        ScriptedFollower() {
            super("scripted feed", new Settings(null, Duration.ofMillis(10), Duration.ofMillis(50)));
        }

        @Override
        protected long resumeAfter() {
            return position;
        }

        @Override
        protected void resnapshot() {
            snapshots++;
            position = 1; // the snapshot is at sequence 1
        }

        @Override
        protected void open(long after, StreamObserver<Msg> observer) {
            opened.add(after);
            Thread.ofVirtual().start(() -> {
                if (askResnapshotOnce) {
                    askResnapshotOnce = false;
                    observer.onNext(new Msg("resnapshot", 0));
                    return;
                }
                int sent = 0;
                for (long s = after + 1; s <= head; s++) {
                    if (failFirst && sent == 2) {
                        failFirst = false;
                        observer.onError(Status.UNAVAILABLE.asRuntimeException());
                        return;
                    }
                    observer.onNext(new Msg("change", s));
                    sent++;
                }
                observer.onNext(new Msg("caughtUp", head));
            });
        }

        @Override
        protected Kind kindOf(Msg message) {
            return switch (message.kind()) {
                case "change" -> Kind.CHANGE;
                case "caughtUp" -> Kind.CAUGHT_UP;
                default -> Kind.RESNAPSHOT_REQUIRED;
            };
        }

        @Override
        protected void apply(Msg change) {
            if (change.sequence() <= position) {
                return;
            }
            applied.add(change.sequence());
            position = change.sequence();
        }

        @Override
        protected void caughtUp(long at) {
            caughtUp.add(at);
        }
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void snapshotsFirstResumesAfterAFailureFromTheLastAppliedChangeAndReportsCaughtUp() throws Exception {
        ScriptedFollower f = new ScriptedFollower();
        f.start();
        try {
            await(() -> f.caughtUp.contains(5L));
            assertThat(f.snapshots).isEqualTo(1);
            assertThat(f.opened).as("after the snapshot, then after the last change applied").containsExactly(1L, 3L);
            assertThat(f.applied).as("each change once, in order").containsExactly(2L, 3L, 4L, 5L);
            assertThat(f.reconnects()).isEqualTo(1);
        } finally {
            f.stop();
        }
    }

    @Test
    void whenTheFeedNoLongerReachesThePositionItTakesANewSnapshotAndWatchesAfterIt() throws Exception {
        ScriptedFollower f = new ScriptedFollower();
        f.failFirst = false;
        f.position = 3;
        f.askResnapshotOnce = true;
        f.start();
        try {
            await(() -> f.caughtUp.contains(5L));
            assertThat(f.snapshots).isEqualTo(1);
            assertThat(f.opened).containsExactly(3L, 1L);
            assertThat(f.applied).containsExactly(2L, 3L, 4L, 5L);
        } finally {
            f.stop();
        }
    }
}
