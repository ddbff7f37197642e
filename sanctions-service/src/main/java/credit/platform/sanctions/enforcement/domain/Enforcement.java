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
    private final Feed grades = new Feed();
    private final Feed registry = new Feed();

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
        return new Lookup(index.lookup(key), current());
    }

    /**
     * The index state to answer at, when it may be answered from: a whole batch is answered at one
     * state (asked once, then {@link #records} per subject).
     *
     * @throws IndexNotCurrentException when not caught up, or stale under the REFUSE policy
     */
    public AsOf current() {
        AsOf asOf = asOf();
        if (!caughtUp) {
            throw new IndexNotCurrentException("the enforcement index has not caught up with the lists feed yet");
        }
        if (catalogue.hasGradeRules() && !grades.caughtUp) {
            throw new IndexNotCurrentException("the enforcement index has not caught up with the grade-change feed yet");
        }
        if (asOf.stale() && stalePolicy == StalePolicy.REFUSE) {
            throw new IndexNotCurrentException("a feed of the index (lists since " + lastContact + ", grades since "
                    + grades.lastContact + ") has been out of reach longer than the " + staleAfter + " bound");
        }
        return asOf;
    }

    /** The subject's records, without the currency check: call {@link #current()} first. */
    public List<RestrictionRecord> records(SubjectKey key) {
        return index.lookup(key);
    }

    public record Lookup(List<RestrictionRecord> records, AsOf asOf) {
    }

    /**
     * The lists-feed sequence, and the time up to which the index is known current: the older of
     * the two feeds' (lists; grades when the catalogue has grade rules). Stale when that is older
     * than the bound.
     */
    public AsOf asOf() {
        Instant now = clock.instant();
        Instant current = connected ? now : lastContact;
        if (catalogue.hasGradeRules()) {
            Instant gradesCurrent = grades.connected ? now : grades.lastContact;
            current = current == null || gradesCurrent == null ? null
                    : gradesCurrent.isBefore(current) ? gradesCurrent : current;
        }
        boolean stale = current == null || Duration.between(current, now).compareTo(staleAfter) > 0;
        return new AsOf(sequence, current == null ? now : current, stale);
    }

    /** Readiness: caught up with the lists feed, and with the grade-change feed when grade rules exist. */
    public boolean caughtUp() {
        return caughtUp && (!catalogue.hasGradeRules() || grades.caughtUp);
    }

    public boolean listsCaughtUp() {
        return caughtUp;
    }

    public boolean gradesCaughtUp() {
        return grades.caughtUp;
    }

    /** The last applied grade-change sequence (-1: none yet). */
    public long gradeSequence() {
        return grades.sequence;
    }

    /** Seconds since the grade feed was last known current (0 while connected). */
    public double gradeAgeSeconds() {
        Instant current = grades.connected ? clock.instant() : grades.lastContact;
        return current == null ? Double.NaN : Duration.between(current, clock.instant()).toMillis() / 1000.0;
    }

    public Duration gradeLag() {
        return grades.lag;
    }

    public void gradesConnected(boolean isConnected) {
        if (isConnected || grades.connected) {
            grades.lastContact = clock.instant();
        }
        grades.connected = isConnected;
    }

    public void markGradesCaughtUp() {
        grades.caughtUp = true;
    }

    void gradeApplied(long seq, Instant occurredAt) {
        Instant now = clock.instant();
        grades.sequence = seq;
        grades.lastContact = now;
        if (occurredAt != null) {
            grades.lag = Duration.between(occurredAt, now);
        }
    }

    /** The last applied registry change-feed sequence (-1: none yet). Not part of readiness: it refines bindings. */
    public long registrySequence() {
        return registry.sequence;
    }

    public boolean registryConnected() {
        return registry.connected;
    }

    public void registryConnected(boolean isConnected) {
        registry.connected = isConnected;
    }

    void registryApplied(long seq) {
        registry.sequence = seq;
        registry.lastContact = clock.instant();
    }

    /** The state of a further feed (grade changes of the scoring service; the registry's changes). */
    private static final class Feed {
        volatile long sequence = -1;
        volatile boolean caughtUp;
        volatile boolean connected;
        volatile Instant lastContact;
        volatile Duration lag = Duration.ZERO;
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
