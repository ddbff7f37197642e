package credit.platform.gateway.traffic;

/**
 * A budget of units (requests, or travel checks) refilled at {@code rate} per second up to
 * {@code capacity}. A request for {@code n} units is granted when the bucket holds at least
 * {@code min(n, capacity)}; it then takes all {@code n}, so a batch larger than the burst leaves the
 * bucket in debt and the client waits until it is repaid — over any stretch of time a client gets no
 * more than its rate plus one burst. Rate and capacity can change (replicas share a budget: see
 * {@link ClientBudgets}); the tokens held are kept within the new capacity. Time is passed in
 * (nanoseconds), so tests move it instead of sleeping. Thread-safe.
 */
final class TokenBucket {

    private double ratePerNano;
    private double capacity;
    private double tokens;
    private long last;

    TokenBucket(double ratePerSecond, double capacity, long nowNanos) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.capacity = capacity;
        this.tokens = capacity;
        this.last = nowNanos;
    }

    /**
     * Takes {@code n} units if the bucket holds {@code min(n, capacity)}.
     *
     * @return 0 when granted, otherwise how many nanoseconds until it would be
     */
    synchronized long take(long n, long nowNanos) {
        refill(nowNanos);
        double needed = Math.min(n, capacity);
        if (tokens >= needed) {
            tokens -= n;
            return 0;
        }
        return ratePerNano <= 0 ? Long.MAX_VALUE : (long) Math.ceil((needed - tokens) / ratePerNano);
    }

    /** Takes {@code n} units unconditionally (the rest of a request already granted): may leave a debt. */
    synchronized void charge(long n, long nowNanos) {
        refill(nowNanos);
        tokens -= n;
    }

    /** New rate and capacity (this replica's share of the budget). */
    synchronized void reconfigure(double ratePerSecond, double newCapacity, long nowNanos) {
        refill(nowNanos);
        this.ratePerNano = ratePerSecond / 1e9;
        this.capacity = newCapacity;
        this.tokens = Math.min(tokens, newCapacity);
    }

    synchronized double tokens(long nowNanos) {
        refill(nowNanos);
        return tokens;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - last;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * ratePerNano);
            last = nowNanos;
        }
    }
}
