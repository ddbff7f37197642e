package credit.platform.sanctions.enforcement.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Use case: keep the enforcement index equal to the lists feed. Start-up restores the index from
 * this service's own store and resumes the feed after the stored sequence (or takes a snapshot
 * when there is none); every change is applied to the index, the store and the sequence, in that
 * order, so a crash replays at most the last change (applying twice is harmless).
 *
 * <p>What a change does: a record on a list no rule enforces is skipped; a record that no longer
 * binds (REMOVED, EXPIRED) leaves the index; a binding one (ACTIVE, EXTENDED, DISPUTED — see
 * {@link RecordState#DISPUTED}) is put under its named identifier at once (DENY from this moment),
 * then under every identifier the registry knows for the subject (passports bound to the resident
 * ID), and for a company also under its legal representative, principal and actual controller.
 * Expiry needs no change at all: every check compares the record's window with the travel date.
 */
public class IndexMaintenance {

    private final Enforcement enforcement;
    private final SubjectDirectory directory;
    private final IndexStore store;

    private EnforcementIndex building;

    public IndexMaintenance(Enforcement enforcement, SubjectDirectory directory, IndexStore store) {
        this.enforcement = enforcement;
        this.directory = directory;
        this.store = store;
    }

    /** Rebuilds the index from the store; the sequence to resume after, or -1 when a snapshot is needed. */
    public long restore() {
        long sequence = store.lastSequence();
        if (sequence < 0) {
            return -1;
        }
        EnforcementIndex index = new EnforcementIndex();
        store.forEach(entry -> entry.applyTo(index));
        enforcement.swap(index);
        enforcement.applied(sequence, null);
        return sequence;
    }

    public void beginSnapshot() {
        store.saveSequence(-1); // a crash mid-snapshot leads to a new snapshot, never a partial index
        store.deleteAll();
        building = new EnforcementIndex();
    }

    public void snapshotRecord(FeedRecord record) {
        applyRecord(building, record);
    }

    public void finishSnapshot(long atSequence) {
        enforcement.swap(building);
        building = null;
        store.saveSequence(atSequence);
        enforcement.applied(atSequence, null);
    }

    /** Applies one change; a change at or below the applied sequence is ignored (replayed). */
    public void apply(FeedChange change) {
        if (change.sequence() <= enforcement.sequence()) {
            return;
        }
        applyRecord(enforcement.index(), change.record());
        store.saveSequence(change.sequence());
        enforcement.applied(change.sequence(), change.occurredAt());
    }

    private void applyRecord(EnforcementIndex index, FeedRecord r) {
        if (!enforcement.catalogue().enforces(r.listId(), r.listKind())) {
            return;
        }
        if (!r.state().binds()) {
            index.remove(r.recordId(), r.named());
            store.delete(r.recordId());
            return;
        }
        RestrictionRecord restriction = r.restriction();
        index.put(restriction, List.of(r.named()));
        Set<SubjectKey> keys = new LinkedHashSet<>();
        keys.add(r.named());
        keys.addAll(directory.identifiersOf(r.subjectId()));
        List<BoundPerson> bound = new ArrayList<>();
        String uscc = "";
        if (r.named().scheme() == IdScheme.USCC) {
            uscc = r.named().value();
            bound.addAll(directory.personsBoundBy(r.subjectId()));
        }
        IndexEntry entry = new IndexEntry(restriction, List.copyOf(keys), uscc, bound);
        entry.applyTo(index);
        store.save(entry);
    }

    /** For tests and metrics: the instant the last change was applied. */
    public Instant appliedAt() {
        return enforcement.appliedAt();
    }
}
