package credit.platform.sanctions.enforcement.adapter.remote;

import credit.platform.sanctions.enforcement.domain.Enforcement;
import credit.platform.sanctions.enforcement.domain.IndexMaintenance;
import credit.platform.sanctions.enforcement.domain.RegistryChange;
import credit.registry.v1.RegistryServiceGrpc;
import credit.registry.v1.SubjectChangeKind;
import credit.registry.v1.WatchSubjectChangesRequest;
import credit.registry.v1.WatchSubjectChangesResponse;
import io.grpc.stub.StreamObserver;
import java.time.Duration;

/**
 * Follows the registry's change feed ({@code WatchSubjectChanges}), so the persons a company's record
 * binds (legal representative, principal, actual controller) follow the registry: from the last
 * applied registry sequence (stored with the index, so a restart resumes), each change applied
 * ({@link IndexMaintenance#applyRegistryChange}); reconnects and resumes as every
 * {@link FeedFollower}. Permit changes are skipped.
 */
public class RegistryFeedSubscriber extends FeedFollower<WatchSubjectChangesResponse> {

    private final RegistryServiceGrpc.RegistryServiceStub registry;
    private final IndexMaintenance maintenance;
    private final Enforcement enforcement;

    public RegistryFeedSubscriber(RegistryServiceGrpc.RegistryServiceStub registry, IndexMaintenance maintenance,
            Enforcement enforcement, Duration catchUpQuiet, Duration maxBackoff) {
        super("registry feed", catchUpQuiet, maxBackoff);
        this.registry = registry;
        this.maintenance = maintenance;
        this.enforcement = enforcement;
    }

    @Override
    protected long resumeFrom() {
        return Math.max(0, enforcement.registrySequence());
    }

    @Override
    protected void open(long from, StreamObserver<WatchSubjectChangesResponse> observer) {
        registry.watchSubjectChanges(WatchSubjectChangesRequest.newBuilder().setFromSequence(from).build(), observer);
    }

    @Override
    protected boolean onItem(WatchSubjectChangesResponse c) {
        enforcement.registryConnected(true);
        maintenance.applyRegistryChange(new RegistryChange(c.getSequence(),
                c.getKind() == SubjectChangeKind.SUBJECT_CHANGE_KIND_PERMIT ? "" : c.getSubjectId(),
                c.hasOccurredAt() ? ProtoMapping.instant(c.getOccurredAt()) : null));
        return true;
    }

    @Override
    protected void onQuiet() {
        enforcement.registryConnected(true);
    }

    @Override
    protected void onDisconnected() {
        enforcement.registryConnected(false);
    }
}
