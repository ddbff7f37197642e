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
    public synchronized long restore() {
        long sequence = store.lastSequence();
        long gradeSequence = store.lastGradeSequence();
        if (sequence < 0) {
            if (gradeSequence >= 0) {
                enforcement.gradeApplied(gradeSequence, null); // the grades come back with the snapshot
            }
            return -1;
        }
        EnforcementIndex index = new EnforcementIndex();
        store.forEach(entry -> entry.applyTo(index));
        enforcement.swap(index);
        enforcement.applied(sequence, null);
        if (gradeSequence >= 0) {
            enforcement.gradeApplied(gradeSequence, null);
        }
        return sequence;
    }

    /** A new index from the lists feed's snapshot; the grades held (their own feed) are carried over. */
    public synchronized void beginSnapshot() {
        store.saveSequence(-1); // a crash mid-snapshot leads to a new snapshot, never a partial index
        store.deleteAll();
        building = new EnforcementIndex();
        store.forEachGrade(entry -> entry.applyTo(building));
    }

    public synchronized void snapshotRecord(FeedRecord record) {
        applyRecord(building, record);
    }

    public synchronized void finishSnapshot(long atSequence) {
        enforcement.swap(building);
        building = null;
        store.saveSequence(atSequence);
        enforcement.applied(atSequence, null);
    }

    /** Applies one change; a change at or below the applied sequence is ignored (replayed). */
    public synchronized void apply(FeedChange change) {
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

    /**
     * Applies one grade change (the scoring service's feed, followed on its own thread); one at or
     * below the applied grade sequence is ignored. Grades of models no rule names only move the
     * sequence on. A grade is put under every identifier the registry knows for the subject,
     * replacing the subject's previous grade under the model; an empty grade removes it.
     */
    public synchronized void applyGrade(GradeChange change) {
        if (change.sequence() <= enforcement.gradeSequence()) {
            return;
        }
        if (enforcement.catalogue().followsModel(change.modelId())) {
            RestrictionRecord record = change.record();
            List<SubjectKey> keys = directory.identifiersOf(change.subjectId());
            List<EnforcementIndex> indexes = building == null ? List.of(enforcement.index())
                    : List.of(enforcement.index(), building);
            for (EnforcementIndex index : indexes) {
                if (change.grade().isEmpty()) {
                    keys.forEach(key -> index.remove(record.recordId(), key));
                } else {
                    index.put(record, keys); // replaces the subject's previous grade under the model
                }
            }
            if (change.grade().isEmpty() || keys.isEmpty()) {
                store.delete(record.recordId());
            } else {
                store.save(new IndexEntry(record, keys, "", List.of()));
            }
        }
        store.saveGradeSequence(change.sequence());
        enforcement.gradeApplied(change.sequence(), change.occurredAt());
    }

    /** For tests and metrics: the instant the last change was applied. */
    public Instant appliedAt() {
        return enforcement.appliedAt();
    }
}
