package credit.platform.sanctions.enforcement.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The in-memory enforcement index: every identifier of every restricted subject → that subject's
 * restricting records. A check is one map probe and a walk over the subject's few records; no
 * database or service is asked.
 *
 * <p><b>Compact by layout</b> (goal: 23 M restricted subjects in ≤ 1.5 GiB of heap): identifiers are
 * exact 64-bit keys in a primitive {@link LongIntMap} (text keys only for identifiers without an
 * exact encoding, e.g. USCC); records live in parallel primitive arrays — record id as two longs
 * (UUIDs), list and authority as indexes into interned tables, the window as int seconds since
 * 2020-01-01 — chained per subject. About 12 B/key/0.7 + 8 B/subject + 36 B/record.
 *
 * <p><b>No false DENY from a collision:</b> keys are injective encodings compared in full (see
 * {@link SubjectKey}), not hashes, so a probe that hits found exactly the identifier asked for.
 *
 * <p><b>Subjects do not merge.</b> Each subject slot carries a 32-bit fingerprint of the registry
 * subject it belongs to ({@link #owner}); an entry is put into a slot one of its keys maps to only when
 * the fingerprints agree, and every key of the entry is then mapped to that slot — so an identifier the
 * registry moved from one person to another moves with it, and no stale key can join two people.
 * {@link #forget} unmaps an identifier whose slot holds no records any more (an unbound passport).
 *
 * <p>One writer (the feed), many readers: a read-write lock; reads copy out the few records.
 */
public final class EnforcementIndex {

    private static final long EPOCH = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();
    private static final int NONE = -1;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    private LongIntMap exactKeys;
    private final Map<String, Integer> textKeys = new HashMap<>();
    /** Per subject slot: first record slot, or NONE. */
    private int[] head;
    /** Per subject slot: the fingerprint of its registry subject ({@link #owner}), 0 when not known. */
    private int[] owners;
    private int subjects;

    // Records, in parallel arrays.
    private long[] idHigh;
    private long[] idLow;
    private short[] list;
    private int[] authority;
    private int[] from;
    private int[] until;
    private int[] next;
    private int records;
    private int freeRecord = NONE;
    private int liveRecords;
    /** Record ids that are not UUIDs (none from the lists service, which issues UUIDs). */
    private final Map<Integer, String> otherIds = new HashMap<>();
    /** Bindings of persons through a listed company, by record slot (few). */
    private final Map<Integer, Binding> bindings = new HashMap<>();
    /** Where the bindings of a company record were placed: record id → subject slots. */
    private final Map<String, List<Integer>> boundSubjects = new HashMap<>();

    private final List<String[]> lists = new ArrayList<>();
    private final Map<String, Short> listIndex = new HashMap<>();
    private final List<String> authorities = new ArrayList<>();
    private final Map<String, Integer> authorityIndex = new HashMap<>();

    public EnforcementIndex() {
        this(1024);
    }

    public EnforcementIndex(int expectedSubjects) {
        int n = Math.max(16, expectedSubjects);
        exactKeys = new LongIntMap(n);
        head = new int[n];
        owners = new int[n];
        idHigh = new long[n];
        idLow = new long[n];
        list = new short[n];
        authority = new int[n];
        from = new int[n];
        until = new int[n];
        next = new int[n];
    }

    /** The fingerprint of a registry subject id (never 0 for a known id; 0 for an unknown one). */
    public static int owner(String subjectId) {
        return subjectId == null || subjectId.isEmpty() ? 0 : subjectId.hashCode() | 1;
    }

    /**
     * Puts a record under the subject that holds any of the keys (a new subject when none does) and
     * maps every key to that subject. A record of the subject itself replaces the one with the same id;
     * a binding (a person bound through a company record) is added beside the others of that record —
     * one person may hold two roles, or the same role in two periods ({@link #removeBindings} clears
     * them before a company's persons are put again).
     */
    public void put(RestrictionRecord record, Collection<SubjectKey> keys) {
        put(record, keys, 0);
    }

    /**
     * Puts a record under the slot of registry subject {@code owner} ({@link #owner}) that one of the
     * keys maps to — a new slot when none does — and maps every key to that slot.
     */
    public void put(RestrictionRecord record, Collection<SubjectKey> keys, int owner) {
        if (keys.isEmpty()) {
            return;
        }
        lock.writeLock().lock();
        try {
            int subject = subjectFor(keys, owner);
            for (SubjectKey key : keys) {
                map(key, subject);
            }
            if (record.binding() == null) {
                removeFromSubject(subject, record.recordId(), false);
            }
            int slot = newRecord(record);
            next[slot] = head[subject];
            head[subject] = slot;
            if (record.binding() != null) {
                bindings.put(slot, record.binding());
                boundSubjects.computeIfAbsent(record.recordId(), k -> new ArrayList<>()).add(subject);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes the record from the subject named by the key, and every person bound through it. */
    public void remove(String recordId, SubjectKey namedKey) {
        remove(recordId, List.of(namedKey));
    }

    /** Removes the record from the subjects of all the keys, and every person bound through it. */
    public void remove(String recordId, Collection<SubjectKey> keys) {
        lock.writeLock().lock();
        try {
            for (SubjectKey key : keys) {
                int subject = slotOf(key);
                if (subject != NONE) {
                    removeFromSubject(subject, recordId, false);
                }
            }
            removeBindings(recordId);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Unmaps an identifier whose subject holds no records any more (so it identifies nobody); an
     * identifier whose subject still has records is kept.
     */
    public void forget(SubjectKey key) {
        lock.writeLock().lock();
        try {
            int subject = slotOf(key);
            if (subject == NONE || head[subject] != NONE) {
                return;
            }
            long exact = key.exact();
            if (exact != 0L) {
                exactKeys.remove(exact);
            } else {
                textKeys.remove(key.text());
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes the persons bound through a company record (before they are put again). */
    public void removeBindings(String recordId) {
        lock.writeLock().lock();
        try {
            List<Integer> bound = boundSubjects.remove(recordId);
            if (bound != null) {
                bound.forEach(subject -> removeFromSubject(subject, recordId, true));
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The records of the subject holding this identifier; empty when none does. */
    public List<RestrictionRecord> lookup(SubjectKey key) {
        lock.readLock().lock();
        try {
            int subject = slotOf(key);
            if (subject == NONE) {
                return List.of();
            }
            List<RestrictionRecord> out = new ArrayList<>(2);
            for (int r = head[subject]; r != NONE; r = next[r]) {
                out.add(read(r));
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    public int subjectCount() {
        lock.readLock().lock();
        try {
            return subjects;
        } finally {
            lock.readLock().unlock();
        }
    }

    public int recordCount() {
        lock.readLock().lock();
        try {
            return liveRecords;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Drops everything (before a new snapshot). */
    public void clear() {
        lock.writeLock().lock();
        try {
            Arrays.fill(head, 0, subjects, NONE);
            Arrays.fill(owners, 0, subjects, 0);
            subjects = 0;
            records = 0;
            liveRecords = 0;
            freeRecord = NONE;
            textKeys.clear();
            otherIds.clear();
            bindings.clear();
            boundSubjects.clear();
            exactKeys = new LongIntMap(16); // no removal in the map: a cleared index starts a new one
        } finally {
            lock.writeLock().unlock();
        }
    }

    // --- internals (under the lock) ---

    private int slotOf(SubjectKey key) {
        long exact = key.exact();
        if (exact != 0L) {
            return exactKeys.get(exact);
        }
        Integer s = textKeys.get(key.text());
        return s == null ? NONE : s;
    }

    private int subjectFor(Collection<SubjectKey> keys, int owner) {
        for (SubjectKey key : keys) {
            int s = slotOf(key);
            if (s != NONE && (owner == 0 || owners[s] == 0 || owners[s] == owner)) {
                if (owners[s] == 0) {
                    owners[s] = owner;
                }
                return s;
            }
        }
        if (subjects == head.length) {
            int[] grown = Arrays.copyOf(head, head.length + (head.length >> 1) + 16);
            Arrays.fill(grown, head.length, grown.length, NONE);
            head = grown;
            owners = Arrays.copyOf(owners, grown.length);
        }
        head[subjects] = NONE;
        owners[subjects] = owner;
        return subjects++;
    }

    private void map(SubjectKey key, int subject) {
        long exact = key.exact();
        if (exact != 0L) {
            exactKeys.put(exact, subject);
        } else {
            textKeys.put(key.text(), subject);
        }
    }

    private void removeFromSubject(int subject, String recordId, boolean bound) {
        int prev = NONE;
        for (int r = head[subject]; r != NONE; ) {
            int after = next[r];
            if (recordIdOf(r).equals(recordId) && bindings.containsKey(r) == bound) {
                unlink(subject, prev, r);
            } else {
                prev = r;
            }
            r = after;
        }
    }

    private void unlink(int subject, int prev, int r) {
        if (prev == NONE) {
            head[subject] = next[r];
        } else {
            next[prev] = next[r];
        }
        otherIds.remove(r);
        bindings.remove(r);
        next[r] = freeRecord;
        freeRecord = r;
        liveRecords--;
    }

    private int newRecord(RestrictionRecord rec) {
        int slot;
        if (freeRecord != NONE) {
            slot = freeRecord;
            freeRecord = next[slot];
        } else {
            if (records == idHigh.length) {
                growRecords();
            }
            slot = records++;
        }
        try {
            UUID id = UUID.fromString(rec.recordId());
            if (!id.toString().equals(rec.recordId())) {
                throw new IllegalArgumentException("not canonical");
            }
            idHigh[slot] = id.getMostSignificantBits();
            idLow[slot] = id.getLeastSignificantBits();
        } catch (IllegalArgumentException e) {
            otherIds.put(slot, rec.recordId());
        }
        list[slot] = internList(rec.listId(), rec.listKind());
        authority[slot] = internAuthority(rec.authority());
        from[slot] = rec.effectiveFrom() == null ? Integer.MIN_VALUE : seconds(rec.effectiveFrom());
        until[slot] = rec.effectiveUntil() == null ? Integer.MAX_VALUE : seconds(rec.effectiveUntil());
        liveRecords++;
        return slot;
    }

    private RestrictionRecord read(int r) {
        String[] l = lists.get(list[r]);
        return new RestrictionRecord(recordIdOf(r), l[0], l[1], authorities.get(authority[r]),
                from[r] == Integer.MIN_VALUE ? null : instant(from[r]),
                until[r] == Integer.MAX_VALUE ? null : instant(until[r]),
                bindings.get(r));
    }

    private String recordIdOf(int r) {
        String other = otherIds.get(r);
        return other != null ? other : new UUID(idHigh[r], idLow[r]).toString();
    }

    /**
     * Seconds since 2020-01-01 as an int (1951–2088). An earlier start is clamped to "since ever"
     * and a later end to "open-ended": both only widen a window that already covers every date
     * this index is asked about.
     */
    private static int seconds(Instant i) {
        long s = i.getEpochSecond() - EPOCH;
        return (int) Math.max(Integer.MIN_VALUE + 1L, Math.min(Integer.MAX_VALUE - 1L, s));
    }

    private static Instant instant(int s) {
        return Instant.ofEpochSecond(EPOCH + s);
    }

    private short internList(String listId, String listKind) {
        String key = listId + '\u0000' + (listKind == null ? "" : listKind);
        Short i = listIndex.get(key);
        if (i == null) {
            if (lists.size() >= Short.MAX_VALUE) {
                throw new IllegalStateException("more than 32767 lists");
            }
            i = (short) lists.size();
            lists.add(new String[] {listId, listKind});
            listIndex.put(key, i);
        }
        return i;
    }

    private int internAuthority(String a) {
        String key = a == null ? "" : a;
        Integer i = authorityIndex.get(key);
        if (i == null) {
            i = authorities.size();
            authorities.add(key);
            authorityIndex.put(key, i);
        }
        return i;
    }

    private void growRecords() {
        int n = idHigh.length + (idHigh.length >> 1) + 16;
        idHigh = Arrays.copyOf(idHigh, n);
        idLow = Arrays.copyOf(idLow, n);
        list = Arrays.copyOf(list, n);
        authority = Arrays.copyOf(authority, n);
        from = Arrays.copyOf(from, n);
        until = Arrays.copyOf(until, n);
        next = Arrays.copyOf(next, n);
    }
}
