package credit.platform.gateway.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdmissionTest {

    final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    /** Records what happened to a waiting request. */
    static final class Recorder implements Admission.Waiter {
        final List<Admission.Permit> admitted = new ArrayList<>();
        final List<Admission.Refusal> refused = new ArrayList<>();
        final CountDownLatch done = new CountDownLatch(1);

        @Override
        public synchronized void admitted(Admission.Permit permit) {
            admitted.add(permit);
            done.countDown();
        }

        @Override
        public synchronized void refused(Admission.Refusal refusal) {
            refused.add(refusal);
            done.countDown();
        }
    }

    Admission admission(int concurrency, int queue, Duration maxWait) {
        return new Admission("sanctions", new TrafficProperties.Admission(concurrency, queue, maxWait), timer);
    }

    @Test
    void admitsUpToTheLimitQueuesUpToTheQueueAndRefusesTheRestAtOnce() {
        Admission admission = admission(2, 1, Duration.ofMinutes(1));
        var first = admission.enter(new Recorder(), null);
        var second = admission.enter(new Recorder(), null);
        Recorder third = new Recorder();
        var queued = admission.enter(third, null);
        var fourth = admission.enter(new Recorder(), null);

        assertThat(first).isInstanceOf(Admission.Admitted.class);
        assertThat(second).isInstanceOf(Admission.Admitted.class);
        assertThat(queued).isInstanceOf(Admission.Queued.class);
        assertThat(fourth).isInstanceOfSatisfying(Admission.Refused.class,
                r -> assertThat(r.refusal().detail()).contains("2 requests in progress, 1 waiting"));
        assertThat(admission.inFlight()).isEqualTo(2);

        ((Admission.Admitted) first).permit().release();
        assertThat(third.admitted).as("the place passes to the waiter").hasSize(1);
        assertThat(admission.inFlight()).isEqualTo(2);
        assertThat(admission.waiting()).isZero();

        ((Admission.Admitted) first).permit().release(); // twice: no effect
        ((Admission.Admitted) second).permit().release();
        third.admitted.get(0).release();
        assertThat(admission.inFlight()).isZero();
    }

    @Test
    void aWaiterIsRefusedWhenItsWaitIsOverAndLeavesTheQueue() throws InterruptedException {
        Admission admission = admission(1, 5, Duration.ofMillis(20));
        var holder = admission.enter(new Recorder(), null);
        Recorder waiter = new Recorder();
        assertThat(admission.enter(waiter, null)).isInstanceOf(Admission.Queued.class);

        assertThat(waiter.done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(waiter.refused).singleElement().satisfies(r -> assertThat(r.timedOut()).isTrue());
        assertThat(admission.waiting()).isZero();
        ((Admission.Admitted) holder).permit().release();
        assertThat(admission.inFlight()).isZero();
    }

    @Test
    void aCancelledWaiterIsNeverAdmittedAndTakesNoPlace() {
        Admission admission = admission(1, 5, Duration.ofMinutes(1));
        var holder = admission.enter(new Recorder(), null);
        Recorder gone = new Recorder();
        var queued = (Admission.Queued) admission.enter(gone, null);
        queued.ticket().cancel();
        ((Admission.Admitted) holder).permit().release();

        assertThat(gone.admitted).isEmpty();
        assertThat(gone.refused).isEmpty();
        assertThat(admission.inFlight()).isZero();
    }

    @Test
    void aRequestWithNoTimeLeftIsRefusedInsteadOfQueued() {
        Admission admission = admission(1, 5, Duration.ofMinutes(1));
        admission.enter(new Recorder(), null);
        assertThat(admission.enter(new Recorder(), Duration.ZERO)).isInstanceOf(Admission.Refused.class);
    }

    @Test
    void manyThreadsNeverHoldMoreThanTheLimit() throws InterruptedException {
        Admission admission = admission(4, 1000, Duration.ofMinutes(1));
        int threads = 8;
        int rounds = 2000;
        java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger refusals = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            all.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < rounds; i++) {
                    Recorder r = new Recorder();
                    Admission.Permit permit = switch (admission.enter(r, null)) {
                        case Admission.Admitted a -> a.permit();
                        case Admission.Refused refused -> null;
                        case Admission.Queued q -> {
                            try {
                                r.done.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            yield r.admitted.isEmpty() ? null : r.admitted.get(0);
                        }
                    };
                    if (permit == null) {
                        refusals.incrementAndGet();
                        continue;
                    }
                    int now = inside.incrementAndGet();
                    most.accumulateAndGet(now, Math::max);
                    inside.decrementAndGet();
                    permit.release();
                }
            }));
        }
        for (Thread t : all) {
            t.join();
        }
        assertThat(most.get()).isLessThanOrEqualTo(4);
        assertThat(refusals.get()).isZero();
        assertThat(admission.inFlight()).isZero();
        assertThat(admission.waiting()).isZero();
    }
}
