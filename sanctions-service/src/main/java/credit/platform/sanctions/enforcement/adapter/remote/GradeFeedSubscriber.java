package credit.platform.sanctions.enforcement.adapter.remote;

import credit.platform.sanctions.enforcement.domain.Enforcement;
import credit.platform.sanctions.enforcement.domain.GradeChange;
import credit.platform.sanctions.enforcement.domain.IndexMaintenance;
import credit.scoring.v1.ScoringServiceGrpc;
import credit.scoring.v1.WatchGradeChangesRequest;
import credit.scoring.v1.WatchGradeChangesResponse;
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
 * Follows the scoring service's grade changes ({@code WatchGradeChanges}) on its own thread, for
 * the grade rules of the catalogue: from the last applied grade sequence (stored with the index, so
 * a restart resumes), each change applied to the index; on any failure it reconnects after a
 * growing pause and resumes after the last applied sequence. Caught up once the stream stays quiet
 * for {@code catchUpQuiet} (the backlog is delivered first). Not started when no rule names a grade.
 */
public class GradeFeedSubscriber implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GradeFeedSubscriber.class);

    private final ScoringServiceGrpc.ScoringServiceStub scoring;
    private final IndexMaintenance maintenance;
    private final Enforcement enforcement;
    private final Duration catchUpQuiet;
    private final Duration maxBackoff;

    private volatile boolean running;
    private volatile Thread thread;
    private volatile Context.CancellableContext call;

    public GradeFeedSubscriber(ScoringServiceGrpc.ScoringServiceStub scoring, IndexMaintenance maintenance,
            Enforcement enforcement, Duration catchUpQuiet, Duration maxBackoff) {
        this.scoring = scoring;
        this.maintenance = maintenance;
        this.enforcement = enforcement;
        this.catchUpQuiet = catchUpQuiet;
        this.maxBackoff = maxBackoff;
    }

    @Override
    public void start() {
        if (!enforcement.catalogue().hasGradeRules()) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name("grades-feed").start(this::run);
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
                enforcement.gradesConnected(false);
                if (!running) {
                    return;
                }
                log.warn("Grade-change feed interrupted ({}); resuming after sequence {} in {} ms",
                        e.getClass().getSimpleName() + ": " + e.getMessage(), enforcement.gradeSequence(), backoff);
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
        long from = Math.max(0, enforcement.gradeSequence());
        ctx.run(() -> scoring.watchGradeChanges(WatchGradeChangesRequest.newBuilder().setFromSequence(from).build(),
                new StreamObserver<>() {
                    @Override
                    public void onNext(WatchGradeChangesResponse value) {
                        queue.add(value);
                    }

                    @Override
                    public void onError(Throwable t) {
                        queue.add(t);
                    }

                    @Override
                    public void onCompleted() {
                        queue.add(new IllegalStateException("grade-change stream completed"));
                    }
                }));
        try {
            while (running) {
                Object item = queue.poll(catchUpQuiet.toMillis(), TimeUnit.MILLISECONDS);
                if (item == null) {
                    enforcement.gradesConnected(true);
                    if (!enforcement.gradesCaughtUp()) {
                        enforcement.markGradesCaughtUp();
                        log.info("Enforcement index caught up with the grade-change feed at sequence {}",
                                enforcement.gradeSequence());
                    }
                } else if (item instanceof Throwable t) {
                    throw t instanceof RuntimeException re ? re : new IllegalStateException(t);
                } else if (item instanceof WatchGradeChangesResponse g) {
                    enforcement.gradesConnected(true);
                    maintenance.applyGrade(new GradeChange(g.getSequence(), g.getSubjectId(), g.getModelId(),
                            g.getModelVersion(), g.getGrade(),
                            g.hasOccurredAt() ? ProtoMapping.instant(g.getOccurredAt()) : null));
                }
            }
        } finally {
            ctx.cancel(null);
        }
    }
}
