package credit.platform.sanctions.enforcement.adapter.remote;

import credit.lists.v1.ListsServiceGrpc;
import credit.lists.v1.SnapshotRequest;
import credit.lists.v1.SnapshotResponse;
import credit.lists.v1.WatchRequest;
import credit.lists.v1.WatchResponse;
import credit.platform.feed.client.FeedFollower;
import credit.platform.sanctions.enforcement.domain.Enforcement;
import credit.platform.sanctions.enforcement.domain.FeedChange;
import credit.platform.sanctions.enforcement.domain.IndexMaintenance;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.Iterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Follows the lists service's feed (the list/watch pattern) with the platform's feed follower: restore
 * the index from the local store, or take a {@code Snapshot} when there is none (or the feed asks for
 * one), then {@code Watch} after the last applied sequence. On any failure — lists down, registry down
 * while indexing a change, stream ended — it reconnects and resumes, so nothing is missed and nothing
 * applied twice.
 *
 * <p>Caught up (readiness true): right after a snapshot; after a restore, when the watch says it has
 * delivered everything up to the head (or, from a lists service without caught-up markers, once the
 * stream stays quiet for {@code catchUpQuiet}).
 */
public class ListsFeedSubscriber extends FeedFollower<WatchResponse> implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ListsFeedSubscriber.class);

    private final ListsServiceGrpc.ListsServiceBlockingStub blocking;
    private final ListsServiceGrpc.ListsServiceStub async;
    private final IndexMaintenance maintenance;
    private final Enforcement enforcement;

    private boolean restored;

    public ListsFeedSubscriber(ListsServiceGrpc.ListsServiceBlockingStub blocking, ListsServiceGrpc.ListsServiceStub async,
            IndexMaintenance maintenance, Enforcement enforcement, Duration catchUpQuiet, Duration maxBackoff) {
        super("lists feed", new Settings(catchUpQuiet, Duration.ofMillis(100), maxBackoff));
        this.blocking = blocking;
        this.async = async;
        this.maintenance = maintenance;
        this.enforcement = enforcement;
    }

    @Override
    protected void beforeWatch() {
        if (!restored) {
            long seq = maintenance.restore();
            restored = true;
            if (seq >= 0) {
                log.info("Enforcement index restored from the local store at sequence {} ({} subjects)",
                        seq, enforcement.index().subjectCount());
            }
        }
    }

    @Override
    protected void resnapshot() {
        long started = System.nanoTime();
        maintenance.beginSnapshot();
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
    }

    @Override
    protected long resumeAfter() {
        return enforcement.sequence();
    }

    @Override
    protected void open(long after, StreamObserver<WatchResponse> observer) {
        async.watch(WatchRequest.newBuilder().setFromSequence(after).setCaughtUpMarkers(true).build(), observer);
    }

    @Override
    protected Kind kindOf(WatchResponse message) {
        return switch (message.getItemCase()) {
            case CHANGE -> Kind.CHANGE;
            case RESNAPSHOT_REQUIRED -> Kind.RESNAPSHOT_REQUIRED;
            default -> Kind.CAUGHT_UP;
        };
    }

    @Override
    protected void apply(WatchResponse w) {
        var change = w.getChange();
        maintenance.apply(new FeedChange(change.getSequence(), ProtoMapping.record(change.getRecord()),
                change.hasOccurredAt() ? ProtoMapping.instant(change.getOccurredAt()) : null));
    }

    @Override
    protected void caughtUp(long head) {
        enforcement.connected(true);
        if (!enforcement.caughtUp()) {
            enforcement.markCaughtUp();
            log.info("Enforcement index caught up with the lists feed at sequence {}", enforcement.sequence());
        }
    }

    @Override
    protected void connected(boolean connected) {
        enforcement.connected(connected);
    }
}
