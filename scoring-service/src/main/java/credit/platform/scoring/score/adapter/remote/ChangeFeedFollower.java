package credit.platform.scoring.score.adapter.remote;

import credit.lists.v1.ListsServiceGrpc;
import credit.lists.v1.SnapshotRequest;
import credit.lists.v1.SnapshotResponse;
import credit.lists.v1.WatchRequest;
import credit.lists.v1.WatchResponse;
import credit.platform.feed.client.FeedFollower;
import credit.platform.scoring.score.domain.FollowChanges;
import credit.registry.v1.RegistryServiceGrpc;
import credit.registry.v1.SubjectChangeKind;
import credit.registry.v1.WatchSubjectChangesRequest;
import credit.registry.v1.WatchSubjectChangesResponse;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.Iterator;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Follows the lists service's change feed — a {@code Snapshot} when there is no saved position (or
 * the log no longer reaches back to it), then {@code Watch} after the saved position — and the
 * registry's {@code WatchSubjectChanges}, each with the platform's feed follower (its own thread,
 * resume after the last change processed, growing pauses between reconnections). The streams have no
 * deadline (they are meant to last).
 */
public class ChangeFeedFollower implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeFeedFollower.class);

    private final ListsFollower lists;
    private final RegistryFollower registry;

    public ChangeFeedFollower(ListsServiceGrpc.ListsServiceStub listsAsync,
            ListsServiceGrpc.ListsServiceBlockingStub listsBlocking, RegistryServiceGrpc.RegistryServiceStub registryAsync,
            FollowChanges follow, Duration maxBackoff) {
        FeedFollower.Settings settings = FeedFollower.Settings.DEFAULT.withMaxBackoff(maxBackoff);
        this.lists = new ListsFollower(listsAsync, listsBlocking, follow, settings);
        this.registry = new RegistryFollower(registryAsync, follow, settings);
    }

    @Override
    public void start() {
        lists.start();
        registry.start();
    }

    @Override
    public void stop() {
        lists.stop();
        registry.stop();
    }

    @Override
    public boolean isRunning() {
        return lists.isRunning() || registry.isRunning();
    }

    static final class ListsFollower extends FeedFollower<WatchResponse> {

        private final ListsServiceGrpc.ListsServiceStub async;
        private final ListsServiceGrpc.ListsServiceBlockingStub blocking;
        private final FollowChanges follow;

        ListsFollower(ListsServiceGrpc.ListsServiceStub async, ListsServiceGrpc.ListsServiceBlockingStub blocking,
                FollowChanges follow, Settings settings) {
            super("lists feed", settings);
            this.async = async;
            this.blocking = blocking;
            this.follow = follow;
        }

        @Override
        protected long resumeAfter() {
            return follow.resumeFrom().orElse(-1);
        }

        @Override
        protected void resnapshot() {
            SortedSet<String> subjects = new TreeSet<>();
            long at = -1;
            Iterator<SnapshotResponse> it = blocking.snapshot(SnapshotRequest.getDefaultInstance());
            while (it.hasNext()) {
                SnapshotResponse item = it.next();
                if (item.hasRecord()) {
                    subjects.add(item.getRecord().getSubjectId());
                } else if (item.getItemCase() == SnapshotResponse.ItemCase.AT_SEQUENCE) {
                    at = item.getAtSequence();
                }
            }
            if (at < 0) {
                throw new IllegalStateException("the lists snapshot ended without its sequence");
            }
            subjects.remove("");
            log.info("Lists snapshot at sequence {}: recomputing {} subjects", at, subjects.size());
            follow.onSnapshot(subjects, at);
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
        protected void apply(WatchResponse item) {
            var change = item.getChange();
            if (change.getSequence() <= follow.resumeFrom().orElse(-1)) {
                return;
            }
            follow.onChange(change.getSequence(), change.getType().name().replace("CHANGE_TYPE_", ""),
                    change.getRecord().getRecordId(), change.getRecord().getSubjectId());
        }
    }

    static final class RegistryFollower extends FeedFollower<WatchSubjectChangesResponse> {

        private final RegistryServiceGrpc.RegistryServiceStub async;
        private final FollowChanges follow;
        private volatile long oldestRetained = -1;

        RegistryFollower(RegistryServiceGrpc.RegistryServiceStub async, FollowChanges follow, Settings settings) {
            super("registry feed", settings);
            this.async = async;
            this.follow = follow;
        }

        @Override
        protected long resumeAfter() {
            return follow.registryResumeFrom().orElse(0);
        }

        @Override
        protected void open(long after, StreamObserver<WatchSubjectChangesResponse> observer) {
            async.watchSubjectChanges(WatchSubjectChangesRequest.newBuilder().setFromSequence(after)
                    .setCaughtUpMarkers(true).build(), observer);
        }

        @Override
        protected Kind kindOf(WatchSubjectChangesResponse message) {
            if (message.hasResnapshotRequired()) {
                oldestRetained = message.getResnapshotRequired().getOldestRetainedSequence();
                return Kind.RESNAPSHOT_REQUIRED;
            }
            return message.hasCaughtUp() ? Kind.CAUGHT_UP : Kind.CHANGE;
        }

        @Override
        protected void resnapshot() {
            if (oldestRetained >= 0) {
                log.warn("The registry's change log no longer reaches sequence {}: continuing after {}; relationship "
                        + "changes in between reach scores at their next recompute", resumeAfter(), oldestRetained - 1);
                follow.onRegistryGap(Math.max(0, oldestRetained - 1));
            }
        }

        @Override
        protected void apply(WatchSubjectChangesResponse change) {
            if (change.getSequence() <= follow.registryResumeFrom().orElse(0)) {
                return;
            }
            if (change.getKind() == SubjectChangeKind.SUBJECT_CHANGE_KIND_PERMIT) {
                follow.onSubjectChange(change.getSequence(), change.getSubjectId(), "permit:" + change.getPermitId());
            } else {
                follow.onSubjectChange(change.getSequence(), change.getSubjectId());
            }
        }
    }
}
