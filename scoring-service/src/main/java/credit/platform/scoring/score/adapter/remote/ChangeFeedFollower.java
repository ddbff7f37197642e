package credit.platform.scoring.score.adapter.remote;

import credit.lists.v1.ListsServiceGrpc;
import credit.lists.v1.SnapshotRequest;
import credit.lists.v1.SnapshotResponse;
import credit.lists.v1.WatchRequest;
import credit.lists.v1.WatchResponse;
import credit.platform.scoring.score.domain.FollowChanges;
import credit.registry.v1.RegistryServiceGrpc;
import credit.registry.v1.SubjectChangeKind;
import credit.registry.v1.WatchSubjectChangesRequest;
import credit.registry.v1.WatchSubjectChangesResponse;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Iterator;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Follows the lists service's change feed — a {@code Snapshot} when there is no saved sequence (or
 * the log no longer reaches back to it), then {@code Watch} from the saved sequence — and the
 * registry's {@code WatchSubjectChanges} (a registry that does not serve it yet, UNIMPLEMENTED, is
 * left alone after one log line). Each on its own thread; a broken stream is reopened after a
 * back-off from the last sequence processed. The streams have no deadline (they are meant to last);
 * the snapshot is read through {@link GrpcRecordSource}'s deadline-bound call pattern.
 */
public class ChangeFeedFollower implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeFeedFollower.class);

    private final ListsServiceGrpc.ListsServiceBlockingStub lists;
    private final RegistryServiceGrpc.RegistryServiceBlockingStub registry;
    private final FollowChanges follow;
    private final Duration maxBackoff;
    private volatile boolean running;
    private volatile Context.CancellableContext context;
    private Thread listsThread;
    private Thread registryThread;

    public ChangeFeedFollower(ListsServiceGrpc.ListsServiceBlockingStub lists,
            RegistryServiceGrpc.RegistryServiceBlockingStub registry, FollowChanges follow, Duration maxBackoff) {
        this.lists = lists;
        this.registry = registry;
        this.follow = follow;
        this.maxBackoff = maxBackoff;
    }

    @Override
    public synchronized void start() {
        running = true;
        context = Context.current().withCancellation();
        listsThread = Thread.ofVirtual().name("lists-feed").start(() -> context.run(this::followLists));
        registryThread = Thread.ofVirtual().name("registry-feed").start(() -> context.run(this::followRegistry));
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (context != null) {
            context.cancel(null);
        }
        for (Thread t : new Thread[] {listsThread, registryThread}) {
            if (t != null) {
                t.interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void followLists() {
        long backoff = 200;
        while (running) {
            try {
                OptionalLong from = follow.resumeFrom();
                long sequence = from.isPresent() ? from.getAsLong() : snapshot();
                log.info("Following the lists change feed from sequence {}", sequence);
                Iterator<WatchResponse> changes = lists.watch(WatchRequest.newBuilder().setFromSequence(sequence).build());
                while (running && changes.hasNext()) {
                    WatchResponse item = changes.next();
                    if (item.hasResnapshotRequired()) {
                        log.warn("The lists change log no longer reaches sequence {}: taking a new snapshot", sequence);
                        snapshot();
                        break;
                    }
                    var change = item.getChange();
                    follow.onChange(change.getSequence(), change.getType().name().replace("CHANGE_TYPE_", ""),
                            change.getRecord().getRecordId(), change.getRecord().getSubjectId());
                    sequence = change.getSequence();
                    backoff = 200;
                }
                sleep(200);
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Lists change feed interrupted ({}); reopening in {} ms", describe(e), backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, maxBackoff.toMillis());
            }
        }
    }

    private long snapshot() {
        SortedSet<String> subjects = new TreeSet<>();
        long at = -1;
        Iterator<SnapshotResponse> it = lists.snapshot(SnapshotRequest.getDefaultInstance());
        while (it.hasNext()) {
            SnapshotResponse item = it.next();
            if (item.hasRecord()) {
                subjects.add(item.getRecord().getSubjectId());
            } else if (item.hasAtSequence()) {
                at = item.getAtSequence();
            }
        }
        if (at < 0) {
            throw new IllegalStateException("the lists snapshot ended without its sequence");
        }
        subjects.remove("");
        log.info("Lists snapshot at sequence {}: recomputing {} subjects", at, subjects.size());
        follow.onSnapshot(subjects, at);
        return at;
    }

    private void followRegistry() {
        long backoff = 200;
        while (running) {
            try {
                long from = follow.registryResumeFrom().orElse(0);
                Iterator<WatchSubjectChangesResponse> changes = registry.watchSubjectChanges(
                        WatchSubjectChangesRequest.newBuilder().setFromSequence(from).build());
                while (running && changes.hasNext()) {
                    WatchSubjectChangesResponse change = changes.next();
                    if (change.getKind() == SubjectChangeKind.SUBJECT_CHANGE_KIND_PERMIT) {
                        follow.onSubjectChange(change.getSequence(), change.getSubjectId(),
                                "permit:" + change.getPermitId());
                    } else {
                        follow.onSubjectChange(change.getSequence(), change.getSubjectId());
                    }
                    backoff = 200;
                }
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
                    log.warn("The registry does not serve WatchSubjectChanges yet; registry changes are not followed");
                    return;
                }
                if (!running) {
                    return;
                }
                log.warn("Registry change feed interrupted ({}); reopening in {} ms", describe(e), backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, maxBackoff.toMillis());
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Registry change feed interrupted ({}); reopening in {} ms", describe(e), backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, maxBackoff.toMillis());
            }
        }
    }

    private static String describe(RuntimeException e) {
        return e instanceof StatusRuntimeException s ? s.getStatus().getCode().name() : e.getClass().getSimpleName();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
