package credit.platform.sanctions.enforcement.domain;

import credit.platform.identifiers.IdentifierScheme;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
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
    /** Company records by the company's subject id: their persons follow the registry's changes. */
    private final Map<String, Map<String, IndexEntry>> companies = new HashMap<>();

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
        companies.clear();
        store.forEach(entry -> {
            entry.applyTo(index);
            track(entry);
        });
        long registrySequence = store.lastRegistrySequence();
        if (registrySequence >= 0) {
            enforcement.registryApplied(registrySequence);
        }
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
        companies.clear();
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
            Map<String, IndexEntry> ofCompany = companies.get(r.subjectId());
            if (ofCompany != null) {
                ofCompany.remove(r.recordId());
            }
            return;
        }
        RestrictionRecord restriction = r.restriction();
        index.put(restriction, List.of(r.named()));
        Set<SubjectKey> keys = new LinkedHashSet<>();
        keys.add(r.named());
        keys.addAll(directory.identifiersOf(r.subjectId()));
        List<BoundPerson> bound = new ArrayList<>();
        String uscc = "";
        if (r.named().scheme() == IdentifierScheme.USCC) {
            uscc = r.named().value();
            bound.addAll(directory.personsBoundBy(r.subjectId()));
        }
        IndexEntry entry = new IndexEntry(restriction, List.copyOf(keys), uscc, bound, r.subjectId());
        entry.applyTo(index);
        store.save(entry);
        track(entry);
    }

    private void track(IndexEntry entry) {
        if (entry.bindsPersons()) {
            companies.computeIfAbsent(entry.subjectId(), k -> new HashMap<>()).put(entry.record().recordId(), entry);
        }
    }

    /**
     * Applies one registry change (followed on its own thread); one at or below the applied registry
     * sequence is ignored. For a company with records in the index, its legal representative,
     * principal and actual controller are asked again (as of the change and now) and every record
     * of the company re-keyed: a holder no longer named keeps the role until the change (a trip
     * before it is still judged with them), a new holder is bound from their role's start. Changes
     * of other subjects only move the sequence on.
     */
    public synchronized void applyRegistryChange(RegistryChange change) {
        if (change.sequence() <= enforcement.registrySequence()) {
            return;
        }
        Map<String, IndexEntry> ofCompany = companies.get(change.subjectId());
        if (ofCompany != null && !ofCompany.isEmpty()) {
            List<BoundPerson> atChange = change.occurredAt() == null ? List.of()
                    : directory.personsBoundBy(change.subjectId(), change.occurredAt());
            List<BoundPerson> now = directory.personsBoundBy(change.subjectId());
            EnforcementIndex index = building != null ? building : enforcement.index();
            for (IndexEntry entry : List.copyOf(ofCompany.values())) {
                IndexEntry followed = entry.withBound(RegistryChange.follow(entry.bound(), atChange, now,
                        change.occurredAt()));
                if (!followed.equals(entry)) {
                    followed.applyTo(index);
                    store.save(followed);
                    ofCompany.put(entry.record().recordId(), followed);
                }
            }
        }
        store.saveRegistrySequence(change.sequence());
        enforcement.registryApplied(change.sequence());
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
        putGrade(change);
        store.saveGradeSequence(change.sequence());
        enforcement.gradeApplied(change.sequence(), change.occurredAt());
    }

    /**
     * The grade feed no longer reaches the applied position: the grades of a snapshot are applied, and
     * the position becomes the snapshot's.
     */
    public synchronized void applyGradeSnapshot(List<GradeChange> grades, long atSequence) {
        grades.forEach(this::putGrade);
        store.saveGradeSequence(atSequence);
        enforcement.gradeApplied(atSequence, null);
    }

    /**
     * The registry's feed no longer reaches the applied position: every company with records in the
     * index has its persons asked again (as of now) and re-keyed, and the position becomes
     * {@code position} (the watch continues after it).
     */
    public synchronized void resyncRegistry(long position, Instant now) {
        EnforcementIndex index = building != null ? building : enforcement.index();
        for (Map.Entry<String, Map<String, IndexEntry>> company : companies.entrySet()) {
            List<BoundPerson> named = directory.personsBoundBy(company.getKey());
            for (IndexEntry entry : List.copyOf(company.getValue().values())) {
                IndexEntry followed = entry.withBound(RegistryChange.follow(entry.bound(), named, named, now));
                if (!followed.equals(entry)) {
                    followed.applyTo(index);
                    store.save(followed);
                    company.getValue().put(entry.record().recordId(), followed);
                }
            }
        }
        store.saveRegistrySequence(position);
        enforcement.registryApplied(position);
    }

    private void putGrade(GradeChange change) {
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
    }

    /** For tests and metrics: the instant the last change was applied. */
    public Instant appliedAt() {
        return enforcement.appliedAt();
    }
}
