package credit.platform.sanctions.enforcement.adapter.remote;

import credit.platform.feed.client.FeedFollower;
import credit.platform.sanctions.enforcement.domain.Enforcement;
import credit.platform.sanctions.enforcement.domain.IndexMaintenance;
import credit.platform.sanctions.enforcement.domain.RegistryChange;
import credit.registry.v1.RegistryServiceGrpc;
import credit.registry.v1.SubjectChangeKind;
import credit.registry.v1.WatchSubjectChangesRequest;
import credit.registry.v1.WatchSubjectChangesResponse;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * Follows the registry's change feed ({@code WatchSubjectChanges}) with the platform's feed follower,
 * so the identifiers of every subject the index holds and the persons a company's record binds follow
 * the registry: after the last applied registry sequence (stored with the index, so a restart
 * resumes), each change applied ({@link IndexMaintenance#applyRegistryChange}). Permit changes are
 * skipped. When the registry's log no longer reaches the position, every subject in the index is
 * derived again ({@link IndexMaintenance#resyncRegistry}) and the watch continues from the oldest
 * retained change.
 */
public class RegistryFeedSubscriber extends FeedFollower<WatchSubjectChangesResponse> implements SmartLifecycle {

    private final RegistryServiceGrpc.RegistryServiceStub registry;
    private final IndexMaintenance maintenance;
    private final Enforcement enforcement;
    private volatile long oldestRetained = -1;

    public RegistryFeedSubscriber(RegistryServiceGrpc.RegistryServiceStub registry, IndexMaintenance maintenance,
            Enforcement enforcement, Duration catchUpQuiet, Duration maxBackoff) {
        super("registry feed", new Settings(catchUpQuiet, Duration.ofMillis(100), maxBackoff));
        this.registry = registry;
        this.maintenance = maintenance;
        this.enforcement = enforcement;
    }

    @Override
    protected long resumeAfter() {
        return Math.max(0, enforcement.registrySequence());
    }

    @Override
    protected void open(long after, StreamObserver<WatchSubjectChangesResponse> observer) {
        registry.watchSubjectChanges(WatchSubjectChangesRequest.newBuilder().setFromSequence(after)
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
            maintenance.resyncRegistry(Math.max(0, oldestRetained - 1), java.time.Instant.now());
        }
    }

    @Override
    protected void apply(WatchSubjectChangesResponse c) {
        maintenance.applyRegistryChange(new RegistryChange(c.getSequence(),
                c.getKind() == SubjectChangeKind.SUBJECT_CHANGE_KIND_PERMIT ? "" : c.getSubjectId(),
                c.hasOccurredAt() ? ProtoMapping.instant(c.getOccurredAt()) : null));
    }

    @Override
    protected void caughtUp(long head) {
        enforcement.registryConnected(true);
    }

    @Override
    protected void connected(boolean connected) {
        enforcement.registryConnected(connected);
    }
}
