package credit.platform.scoring.score.adapter;

import credit.platform.scoring.score.domain.SourceUnavailableException;
import credit.platform.scoring.score.domain.TimeDrivenRecompute;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Runs {@link TimeDrivenRecompute} every {@code credit.scoring.time-driven.interval} (0 = never; tests
 * drive the use case themselves). Each run does at most {@code batch} due entries; what is left
 * waits for the next run. Logs counts only, never subject ids.
 */
class TimeDrivenScheduler implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TimeDrivenScheduler.class);

    private final TimeDrivenRecompute recompute;
    private final Duration interval;
    private final int batch;
    private ScheduledExecutorService executor;

    TimeDrivenScheduler(TimeDrivenRecompute recompute, Duration interval, int batch) {
        this.recompute = recompute;
        this.interval = interval;
        this.batch = batch;
    }

    @Override
    public void afterPropertiesSet() {
        if (interval.isZero() || interval.isNegative()) {
            log.info("time-driven score changes: off (credit.scoring.time-driven.interval = {})", interval);
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("time-driven-scores").factory());
        executor.scheduleWithFixedDelay(this::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void runOnce() {
        try {
            int done = recompute.runDue(batch);
            if (done > 0) {
                log.info("time-driven score changes: {} subjects recomputed as of their due instants", done);
            }
        } catch (SourceUnavailableException e) {
            log.warn("time-driven score changes: a source is unavailable; due entries wait for the next run");
        } catch (RuntimeException e) {
            log.error("time-driven score changes: run failed ({})", e.getClass().getSimpleName());
        }
    }

    @Override
    public void destroy() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
