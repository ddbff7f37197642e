package credit.platform.sanctions.enforcement.adapter.remote;

import credit.platform.sanctions.enforcement.domain.Enforcement;
import credit.platform.sanctions.enforcement.domain.IndexMaintenance;
import credit.platform.sanctions.enforcement.domain.RegistryChange;
import credit.registry.v1.RegistryServiceGrpc;
import credit.registry.v1.SubjectChangeKind;
import credit.registry.v1.WatchSubjectChangesRequest;
import credit.registry.v1.WatchSubjectChangesResponse;
import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Follows the registry's change feed ({@code WatchSubjectChanges}) on its own thread, so the persons
 * a company's record binds (legal representative, principal, actual controller) follow the
 * registry: from the last applied registry sequence (stored with the index, so a restart resumes),
 * each change applied ({@link IndexMaintenance#applyRegistryChange}); on any failure it reconnects
 * after a growing pause and resumes after the last applied sequence. Permit changes are skipped.
 */
public class RegistryFeedSubscriber implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RegistryFeedSubscriber.class);

    private final RegistryServiceGrpc.RegistryServiceStub registry;
    private final IndexMaintenance maintenance;
    private final Enforcement enforcement;
    private final Duration catchUpQuiet;
    private final Duration maxBackoff;

    private volatile boolean running;
    private volatile Thread thread;
    private volatile Context.CancellableContext call;

    public RegistryFeedSubscriber(RegistryServiceGrpc.RegistryServiceStub registry, IndexMaintenance maintenance,
            Enforcement enforcement, Duration catchUpQuiet, Duration maxBackoff) {
        this.registry = registry;
        this.maintenance = maintenance;
        this.enforcement = enforcement;
        this.catchUpQuiet = catchUpQuiet;
        this.maxBackoff = maxBackoff;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("registry-feed").start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        Context.CancellableContext c = call;
        if (c != null) {
            c.cancel(null);
        }
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        long backoff = 100;
        while (running) {
            try {
                watch();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                enforcement.registryConnected(false);
                if (!running) {
                    return;
                }
                log.warn("Registry change feed interrupted ({}); resuming after sequence {} in {} ms",
                        e.getClass().getSimpleName() + ": " + e.getMessage(), enforcement.registrySequence(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(maxBackoff.toMillis(), backoff * 2);
                continue;
            }
            backoff = 100;
        }
    }

    private void watch() throws InterruptedException {
        BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        Context.CancellableContext ctx = Context.current().withCancellation();
        call = ctx;
        long from = Math.max(0, enforcement.registrySequence());
        ctx.run(() -> registry.watchSubjectChanges(WatchSubjectChangesRequest.newBuilder().setFromSequence(from).build(),
                new StreamObserver<>() {
                    @Override
                    public void onNext(WatchSubjectChangesResponse value) {
                        queue.add(value);
                    }

                    @Override
                    public void onError(Throwable t) {
                        queue.add(t);
                    }

                    @Override
                    public void onCompleted() {
                        queue.add(new IllegalStateException("registry change stream completed"));
                    }
                }));
        try {
            while (running) {
                Object item = queue.poll(catchUpQuiet.toMillis(), TimeUnit.MILLISECONDS);
                if (item == null) {
                    enforcement.registryConnected(true);
                } else if (item instanceof Throwable t) {
                    throw t instanceof RuntimeException re ? re : new IllegalStateException(t);
                } else if (item instanceof WatchSubjectChangesResponse c) {
                    enforcement.registryConnected(true);
                    maintenance.applyRegistryChange(new RegistryChange(c.getSequence(),
                            c.getKind() == SubjectChangeKind.SUBJECT_CHANGE_KIND_PERMIT ? "" : c.getSubjectId(),
                            c.hasOccurredAt() ? ProtoMapping.instant(c.getOccurredAt()) : null));
                }
            }
        } finally {
            ctx.cancel(null);
        }
    }
}
