package credit.platform.gateway.traffic;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Admission control in front of one route: at most {@code concurrency} requests in the service at
 * once, at most {@code queue} waiting (first come, first served, each at most {@code maxWait}); the
 * rest are refused <b>at once</b>, so an overloaded route answers "come back later" in microseconds
 * instead of piling requests onto the service until everything times out. Sized per route to what
 * the service behind it can take ({@code credit.gateway.traffic.admission.<route>}). A refusal is the
 * gateway's own answer: it never reaches the service nor its circuit breaker. Thread-safe; nothing here
 * blocks (waiters are called back).
 */
public final class Admission {

    /** Called back for a request that had to wait. Exactly one of the two is called, once. */
    public interface Waiter {
        void admitted(Permit permit);

        void refused(Refusal refusal);
    }

    /** Why a request was refused, for its answer. */
    public record Refusal(String route, int concurrency, int queue, boolean timedOut) {
        public String detail() {
            return "The " + route + " service is at capacity (" + concurrency + " requests in progress, " + queue
                    + " waiting" + (timedOut ? ", and this one waited its longest" : "") + "). Retry after 1 s.";
        }
    }

    /** What {@link #enter} did. */
    public sealed interface Entry permits Admitted, Queued, Refused {
    }

    /** In at once: release the permit when the request is done. */
    public record Admitted(Permit permit) implements Entry {
    }

    /** Waiting: the waiter will be called; {@link #cancel} if the request goes away meanwhile. */
    public record Queued(Ticket ticket) implements Entry {
    }

    /** Refused at once. */
    public record Refused(Refusal refusal) implements Entry {
    }

    /** A place in the service. Released exactly once (later calls do nothing). */
    public final class Permit {
        private final AtomicBoolean released = new AtomicBoolean();

        public void release() {
            if (released.compareAndSet(false, true)) {
                Admission.this.release();
            }
        }
    }

    /** A place in the queue. */
    public final class Ticket {
        private final Waiter waiter;
        private ScheduledFuture<?> timeout;
        private boolean done;

        Ticket(Waiter waiter) {
            this.waiter = waiter;
        }

        /**
         * The request went away while waiting: leave the queue. (Once admitted, the waiter holds a
         * permit and releases it itself.)
         */
        public void cancel() {
            synchronized (Admission.this) {
                if (!done) {
                    done = true;
                    queue.remove(this);
                    if (timeout != null) {
                        timeout.cancel(false);
                    }
                }
            }
        }
    }

    private final String route;
    private final int concurrency;
    private final int queueLimit;
    private final Duration maxWait;
    private final ScheduledExecutorService timer;
    private final ArrayDeque<Ticket> queue = new ArrayDeque<>();
    private int inFlight;

    public Admission(String route, TrafficProperties.Admission settings, ScheduledExecutorService timer) {
        this.route = route;
        this.concurrency = Math.max(1, settings.concurrency());
        this.queueLimit = Math.max(0, settings.queue());
        this.maxWait = settings.maxWait();
        this.timer = timer;
    }

    /**
     * Enters the route: admitted at once, queued (waiting at most {@code min(maxWait, wait)}; the waiter
     * is called back), or refused at once.
     *
     * @param wait the longest this request may wait (its own deadline), or null for the route's maximum
     */
    public Entry enter(Waiter waiter, Duration wait) {
        Duration longest = wait == null || wait.compareTo(maxWait) > 0 ? maxWait : wait;
        synchronized (this) {
            if (inFlight < concurrency) {
                inFlight++;
                return new Admitted(new Permit());
            }
            if (queue.size() >= queueLimit || longest.isZero() || longest.isNegative()) {
                return new Refused(new Refusal(route, concurrency, queue.size(), false));
            }
            Ticket ticket = new Ticket(waiter);
            queue.add(ticket);
            ticket.timeout = timer.schedule(() -> timedOut(ticket), longest.toNanos(), TimeUnit.NANOSECONDS);
            return new Queued(ticket);
        }
    }

    /**
     * Enters the route if it can be done without waiting: {@link Admitted} when a place is free,
     * {@link Refused} when none is and the queue is full (or there is none); {@code null} when the
     * request would have to wait ({@link #enter} then queues it). Nothing is allocated for a waiter.
     */
    public Entry tryEnter() {
        synchronized (this) {
            if (inFlight < concurrency) {
                inFlight++;
                return new Admitted(new Permit());
            }
            if (queue.size() >= queueLimit || maxWait.isZero() || maxWait.isNegative()) {
                return new Refused(new Refusal(route, concurrency, queue.size(), false));
            }
            return null;
        }
    }

    private void timedOut(Ticket ticket) {
        synchronized (this) {
            if (ticket.done) {
                return;
            }
            ticket.done = true;
            queue.remove(ticket);
        }
        ticket.waiter.refused(new Refusal(route, concurrency, queueLimit, true));
    }

    private void release() {
        Ticket next;
        synchronized (this) {
            next = queue.poll();
            if (next == null) {
                inFlight--;
                return;
            }
            next.done = true;
            if (next.timeout != null) {
                next.timeout.cancel(false);
            }
        }
        // the place passes to the next waiter without leaving the service
        next.waiter.admitted(new Permit());
    }

    /** Requests in the service now. */
    public synchronized int inFlight() {
        return inFlight;
    }

    /** Requests waiting now. */
    public synchronized int waiting() {
        return queue.size();
    }

    public String route() {
        return route;
    }
}
