package credit.platform.gateway.audit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import credit.platform.gateway.audit.domain.AuditChain;
import credit.platform.gateway.audit.domain.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;

/**
 * Publishes the audit chain's head outside the database: every {@code interval}, when the head has
 * moved, one INFO line on logger {@code credit.audit.anchor} ({@code audit head <sequence>:<hash>} —
 * no personal data). Log shipping keeps those lines where whoever can rewrite the database cannot;
 * an auditor passes them back to {@code GET /api/v1/audit/verify?anchors=…}, which then also catches a
 * consistent rewrite of the whole chain or a cut tail.
 */
public class AuditAnchors implements SmartLifecycle {

    static final Logger ANCHOR_LOG = LoggerFactory.getLogger("credit.audit.anchor");
    private static final Logger log = LoggerFactory.getLogger(AuditAnchors.class);

    private final AuditLog auditLog;
    private final Duration interval;
    private final AtomicReference<AuditChain.Anchor> lastPublished = new AtomicReference<>();
    private volatile Disposable running;

    public AuditAnchors(AuditLog auditLog, Duration interval) {
        this.auditLog = auditLog;
        this.interval = interval;
    }

    /** Publishes the head if it moved since the last time; completes with what was published, if anything. */
    public Mono<AuditChain.Anchor> publishIfMoved() {
        return auditLog.head()
                .filter(head -> !head.equals(lastPublished.get()))
                .doOnNext(head -> {
                    lastPublished.set(head);
                    ANCHOR_LOG.info("audit head {}", head);
                });
    }

    @Override
    public void start() {
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        running = Flux.interval(interval, interval)
                .concatMap(tick -> publishIfMoved().onErrorResume(e -> {
                    log.warn("audit head not published this round: {}", e.getClass().getSimpleName());
                    return Mono.empty();
                }))
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable d = running;
        if (d != null) {
            d.dispose();
            running = null;
        }
        // the last head before shutdown, so a restart's first anchor does not leave a gap
        try {
            publishIfMoved().onErrorResume(e -> Mono.empty()).block(Duration.ofSeconds(2));
        } catch (RuntimeException e) {
            log.warn("audit head not published at shutdown: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
