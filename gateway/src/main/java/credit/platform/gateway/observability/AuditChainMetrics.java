package credit.platform.gateway.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import credit.platform.gateway.audit.domain.AuditChain;
import credit.platform.gateway.audit.domain.AuditLog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The audit chain seen from outside: gauges {@code audit.chain.head.sequence} (the head's sequence),
 * {@code audit.chain.intact} (1 when the last verification found the chain intact, 0 when it found it
 * broken, NaN before the first), {@code audit.chain.verified.entries} and
 * {@code audit.chain.verification.age} (seconds since the last completed verification). The head is read
 * every {@code credit.observability.audit.head-interval}; the whole chain is verified every
 * {@code credit.observability.audit.verify-interval} (it reads every entry: minutes apart, not seconds).
 * The alerts AuditChainBroken and AuditChainUnverified read these (docs/observability.md).
 */
@Component
class AuditChainMetrics implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditChainMetrics.class);

    private final AuditLog auditLog;
    private final Clock clock;
    private final Duration headInterval;
    private final Duration verifyInterval;
    private volatile double headSequence = Double.NaN;
    private final AtomicReference<Verified> verified = new AtomicReference<>();
    private volatile Disposable running;

    /** The last completed verification. */
    record Verified(AuditChain.Verdict verdict, Instant at) {
    }

    AuditChainMetrics(AuditLog auditLog, MeterRegistry meters, ObjectProvider<Clock> clock,
            @Value("${credit.observability.audit.head-interval:15s}") Duration headInterval,
            @Value("${credit.observability.audit.verify-interval:10m}") Duration verifyInterval) {
        this.auditLog = auditLog;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.headInterval = headInterval;
        this.verifyInterval = verifyInterval;
        Gauge.builder("audit.chain.head.sequence", this, m -> m.headSequence)
                .description("Sequence of the audit chain's head (the last appended entry)").register(meters);
        Gauge.builder("audit.chain.intact", this, m -> m.verified.get() == null ? Double.NaN
                        : m.verified.get().verdict().intact() ? 1 : 0)
                .description("1 when the last verification found the audit chain intact, 0 when broken").register(meters);
        Gauge.builder("audit.chain.verified.entries", this, m -> m.verified.get() == null ? Double.NaN
                        : m.verified.get().verdict().entriesChecked())
                .description("Entries the last verification of the audit chain checked").register(meters);
        Gauge.builder("audit.chain.verification.age", this, m -> m.verified.get() == null ? Double.NaN
                        : Duration.between(m.verified.get().at(), m.clock.instant()).toMillis() / 1000.0)
                .baseUnit("seconds").description("Time since the audit chain was last verified").register(meters);
    }

    /** Reads the head once (an empty log leaves the gauge at 0). */
    Mono<Void> refreshHead() {
        return auditLog.head()
                .doOnNext(head -> headSequence = head.sequence())
                .switchIfEmpty(Mono.fromRunnable(() -> headSequence = 0))
                .then();
    }

    /** Verifies the whole chain once. */
    Mono<Void> verifyNow() {
        return auditLog.verify()
                .doOnNext(verdict -> {
                    verified.set(new Verified(verdict, clock.instant()));
                    if (!verdict.intact()) {
                        log.error("audit chain broken at sequence {}: {}", verdict.firstBrokenSequence(), verdict.reason());
                    }
                })
                .then();
    }

    @Override
    public void start() {
        Flux<Void> heads = Flux.interval(Duration.ZERO, headInterval)
                .concatMap(tick -> refreshHead().onErrorResume(e -> skipped("head", e)));
        Flux<Void> verifications = Flux.interval(Duration.ZERO, verifyInterval)
                .onBackpressureDrop()
                .concatMap(tick -> verifyNow().onErrorResume(e -> skipped("verification", e)));
        running = Flux.merge(heads, verifications).subscribe();
    }

    private static Mono<Void> skipped(String what, Throwable e) {
        log.warn("audit chain {} skipped this round: {}", what, e.getClass().getSimpleName());
        return Mono.empty();
    }

    @Override
    public void stop() {
        Disposable d = running;
        if (d != null) {
            d.dispose();
            running = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
