package credit.platform.sanctions.enforcement.adapter.remote;

import credit.lists.v1.ListsServiceGrpc;
import credit.lists.v1.SnapshotRequest;
import credit.lists.v1.SnapshotResponse;
import credit.lists.v1.WatchRequest;
import credit.lists.v1.WatchResponse;
import credit.platform.sanctions.enforcement.domain.Enforcement;
import credit.platform.sanctions.enforcement.domain.FeedChange;
import credit.platform.sanctions.enforcement.domain.IndexMaintenance;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.Iterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the lists service's feed (the list/watch pattern): restore the index from the local store,
 * or take a {@code Snapshot} when there is none (or the feed asks for one), then {@code Watch} from
 * the last applied sequence. On any failure — lists down, registry down while indexing a change,
 * stream ended — it reconnects and resumes as every {@link FeedFollower}, so nothing is missed and
 * nothing applied twice.
 *
 * <p>Caught up (readiness true): right after a snapshot; after a restore, once the watch has
 * delivered its backlog — the first time the stream stays quiet for {@code catchUpQuiet}.
 */
public class ListsFeedSubscriber extends FeedFollower<WatchResponse> {

    private static final Logger log = LoggerFactory.getLogger(ListsFeedSubscriber.class);

    private final ListsServiceGrpc.ListsServiceBlockingStub blocking;
    private final ListsServiceGrpc.ListsServiceStub async;
    private final IndexMaintenance maintenance;
    private final Enforcement enforcement;

    private boolean restored;
    private boolean snapshotRequired;

    public ListsFeedSubscriber(ListsServiceGrpc.ListsServiceBlockingStub blocking, ListsServiceGrpc.ListsServiceStub async,
            IndexMaintenance maintenance, Enforcement enforcement, Duration catchUpQuiet, Duration maxBackoff) {
        super("lists feed", catchUpQuiet, maxBackoff);
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
        if (snapshotRequired || enforcement.sequence() < 0) {
            snapshot();
            snapshotRequired = false;
        }
    }

    private void snapshot() {
        long started = System.nanoTime();
        maintenance.beginSnapshot();
        cancellable(() -> {
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
    }

    @Override
    protected long resumeFrom() {
        return enforcement.sequence();
    }

    @Override
    protected void open(long from, StreamObserver<WatchResponse> observer) {
        async.watch(WatchRequest.newBuilder().setFromSequence(from).build(), observer);
    }

    @Override
    protected boolean onItem(WatchResponse w) {
        if (w.hasResnapshotRequired()) {
            log.warn("Lists feed no longer holds sequence {}: taking a new snapshot", enforcement.sequence());
            snapshotRequired = true;
            return false;
        }
        enforcement.connected(true);
        var change = w.getChange();
        maintenance.apply(new FeedChange(change.getSequence(), ProtoMapping.record(change.getRecord()),
                change.hasOccurredAt() ? ProtoMapping.instant(change.getOccurredAt()) : null));
        return true;
    }

    @Override
    protected void onQuiet() {
        enforcement.connected(true);
        if (!enforcement.caughtUp()) {
            enforcement.markCaughtUp();
            log.info("Enforcement index caught up with the lists feed at sequence {}", enforcement.sequence());
        }
    }

    @Override
    protected void onDisconnected() {
        enforcement.connected(false);
    }
}
