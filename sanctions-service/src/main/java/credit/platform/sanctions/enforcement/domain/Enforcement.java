package credit.platform.sanctions.enforcement.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The current enforcement index, its freshness, and the catalogue it enforces. Checks read it; the
 * feed ({@link IndexMaintenance}) writes it. A re-snapshot builds a new index and swaps it in, so
 * checks never see a half-built one.
 */
public final class Enforcement {

    private final SanctionCatalogue catalogue;
    private final Clock clock;
    private final Duration staleAfter;
    private final StalePolicy stalePolicy;

    private volatile EnforcementIndex index = new EnforcementIndex();
    private volatile long sequence = -1;
    private volatile Instant appliedAt;
    private volatile boolean caughtUp;
    private volatile boolean connected;
    private volatile Instant lastContact;
    private volatile Duration lastLag = Duration.ZERO;

    public Enforcement(SanctionCatalogue catalogue, Clock clock, Duration staleAfter, StalePolicy stalePolicy) {
        this.catalogue = catalogue;
        this.clock = clock;
        this.staleAfter = staleAfter;
        this.stalePolicy = stalePolicy;
    }

    public SanctionCatalogue catalogue() {
        return catalogue;
    }

    public EnforcementIndex index() {
        return index;
    }

    /** The records of the subject holding the key, and the as-of stamp for the answer. */
    public Lookup lookup(SubjectKey key) {
        AsOf asOf = asOf();
        if (!caughtUp) {
            throw new IndexNotCurrentException("the enforcement index has not caught up with the lists feed yet");
        }
        if (asOf.stale() && stalePolicy == StalePolicy.REFUSE) {
            throw new IndexNotCurrentException("the lists feed has been out of reach since " + lastContact
                    + ", longer than the " + staleAfter + " bound");
        }
        return new Lookup(index.lookup(key), asOf);
    }

    public record Lookup(List<RestrictionRecord> records, AsOf asOf) {
    }

    public AsOf asOf() {
        Instant now = clock.instant();
        Instant current = connected ? now : lastContact;
        boolean stale = current == null || Duration.between(current, now).compareTo(staleAfter) > 0;
        return new AsOf(sequence, current == null ? now : current, stale);
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    public long sequence() {
        return sequence;
    }

    public Instant appliedAt() {
        return appliedAt;
    }

    /** Seconds since the index was last known current (0 while the feed is connected). */
    public double ageSeconds() {
        Instant now = clock.instant();
        Instant current = connected ? now : lastContact;
        return current == null ? Double.NaN : Duration.between(current, now).toMillis() / 1000.0;
    }

    /** Time from the last applied change's occurrence at the lists service to its application here. */
    public Duration lastLag() {
        return lastLag;
    }

    // --- written by the feed ---

    void swap(EnforcementIndex built) {
        this.index = built;
    }

    void applied(long seq, Instant occurredAt) {
        Instant now = clock.instant();
        sequence = seq;
        appliedAt = now;
        lastContact = now;
        if (occurredAt != null) {
            lastLag = Duration.between(occurredAt, now);
        }
    }

    public void connected(boolean isConnected) {
        if (!isConnected && connected) {
            lastContact = clock.instant();
        }
        if (isConnected) {
            lastContact = clock.instant();
        }
        connected = isConnected;
    }

    /** The backlog is applied: checks may be answered and readiness turns true. */
    public void markCaughtUp() {
        caughtUp = true;
    }
}
