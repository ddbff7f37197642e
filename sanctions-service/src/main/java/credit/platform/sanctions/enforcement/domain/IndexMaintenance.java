package credit.platform.sanctions.enforcement.domain;

import credit.platform.identifiers.IdentifierScheme;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Use case: keep the enforcement index equal to the lists feed, the registry and the grade feed.
 * Start-up restores the index from this service's own store and resumes the feed after the stored
 * sequence (or takes a snapshot when there is none); every change is applied to the index, the store
 * and the sequence, in that order, so a crash replays at most the last change (applying twice is
 * harmless).
 *
 * <p>What a lists change does: a record on a list no rule enforces is skipped; a record that no longer
 * binds (REMOVED, EXPIRED) leaves the index; a binding one (ACTIVE, EXTENDED, DISPUTED — see
 * {@link RecordState#DISPUTED}) is put under its named identifier at once (DENY from this moment),
 * then under every identifier the registry binds to the subject now, and for a company also under
 * every person its listing binds in any period (past, current and future role holders, each with the
 * period of the role — see {@link SubjectDirectory#personsBoundBy}).
 *
 * <p>What a registry change of subject S does: every entry naming S (its records, its grades) and
 * every company entry binding S is derived again from the registry's current answers — an identifier
 * bound to S later is enforced from then on, an unbound one identifies S no longer
 * ({@link EnforcementIndex#forget}), a role recorded or ended is re-read with its period.
 *
 * <p>Time needs no event at all: every check compares the record's window, the rule's cap and the
 * role's period with the travel date.
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
        store.forEachGrade(entry -> entry.applyTo(building));
    }

    public synchronized void snapshotRecord(FeedRecord record) {
        applyRecord(building, record, true);
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
        applyRecord(enforcement.index(), change.record(), false);
        store.saveSequence(change.sequence());
        enforcement.applied(change.sequence(), change.occurredAt());
    }

    /**
     * @param fresh the store holds no entry of this record yet (a snapshot, which starts from an empty
     *              store and names each record once): no need to read the previous entry
     */
    private void applyRecord(EnforcementIndex index, FeedRecord r, boolean fresh) {
        if (!enforcement.catalogue().enforces(r.listId(), r.listKind())) {
            return;
        }
        Optional<IndexEntry> previous = fresh ? Optional.empty() : store.find(r.recordId());
        if (!r.state().binds()) {
            if (previous.isPresent()) {
                replace(index, List.of(previous.get()), List.of());
            } else {
                index.remove(r.recordId(), r.named());
            }
            store.delete(r.recordId());
            return;
        }
        RestrictionRecord restriction = r.restriction();
        // DENY under the named identifier from this moment, before the registry is asked.
        index.put(restriction, List.of(r.named()), EnforcementIndex.owner(r.subjectId()));
        IndexEntry entry = derive(restriction, r.named(), r.subjectId(), r.named().scheme() == IdentifierScheme.USCC
                ? r.named().value() : "");
        replace(index, previous.map(List::of).orElse(List.of()), List.of(entry));
        store.save(entry);
    }

    /** The entry of a record as the registry answers now: the subject's identifiers and, for a company, its persons. */
    private IndexEntry derive(RestrictionRecord record, SubjectKey named, String subjectId, String companyUscc) {
        Set<SubjectKey> keys = new LinkedHashSet<>();
        if (named != null) {
            keys.add(named);
        }
        keys.addAll(directory.identifiersOf(subjectId));
        List<BoundPerson> bound = companyUscc.isEmpty() || subjectId.isEmpty() ? List.of()
                : directory.personsBoundBy(subjectId);
        return new IndexEntry(record, List.copyOf(keys), companyUscc, bound, subjectId);
    }

    /** The entry derived again from the registry (its named identifier, if it has one, stays first). */
    private IndexEntry rederive(IndexEntry e) {
        boolean grade = GradeChange.isGradeRecord(e.record().recordId());
        SubjectKey named = grade || e.keys().isEmpty() ? null : e.keys().getFirst();
        return derive(e.record(), named, e.subjectId(), e.companyUscc());
    }

    /**
     * Replaces entries in the index: the old ones out, every identifier only they held forgotten (when
     * its subject holds no records any more), the new ones in.
     */
    private static void replace(EnforcementIndex index, List<IndexEntry> olds, List<IndexEntry> news) {
        olds.forEach(e -> e.removeFrom(index));
        Set<SubjectKey> gone = new LinkedHashSet<>();
        olds.forEach(e -> gone.addAll(e.allKeys()));
        news.forEach(e -> gone.removeAll(e.allKeys()));
        gone.forEach(index::forget);
        news.forEach(e -> e.applyTo(index));
    }

    /**
     * Applies one registry change (followed on its own thread); one at or below the applied registry
     * sequence is ignored. Every entry naming the subject and every company entry binding it is derived
     * again from the registry's current answers; changes of subjects the index does not hold only move
     * the sequence on.
     */
    public synchronized void applyRegistryChange(RegistryChange change) {
        if (change.sequence() <= enforcement.registrySequence()) {
            return;
        }
        rederiveSubject(change.subjectId());
        store.saveRegistrySequence(change.sequence());
        enforcement.registryApplied(change.sequence());
    }

    /**
     * Every entry naming the subject and every company entry binding it, derived again from the
     * registry's current answers and replaced together (so an identifier only they held is forgotten).
     */
    private void rederiveSubject(String subjectId) {
        if (subjectId == null || subjectId.isBlank()) {
            return;
        }
        Map<String, IndexEntry> affected = new LinkedHashMap<>();
        store.entriesOf(subjectId).forEach(e -> affected.put(e.record().recordId(), e));
        store.entriesBinding(subjectId).forEach(e -> affected.put(e.record().recordId(), e));
        if (affected.isEmpty()) {
            return;
        }
        List<IndexEntry> olds = List.copyOf(affected.values());
        List<IndexEntry> news = new ArrayList<>();
        for (IndexEntry e : olds) {
            news.add(rederive(e));
        }
        if (news.equals(olds)) {
            return;
        }
        replace(building != null ? building : enforcement.index(), olds, news);
        news.forEach(store::save);
    }

    /**
     * Applies one grade change (the scoring service's feed, followed on its own thread); one at or
     * below the applied grade sequence is ignored. Grades of models no rule names only move the
     * sequence on. A grade is put under every identifier the registry binds to the subject, replacing
     * the subject's previous grade under the model; an empty grade removes it.
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
     * The registry's feed no longer reaches the applied position (changes were missed): every subject
     * the index holds — listed subjects and persons bound through companies — is derived again from the
     * registry's current answers, and the position becomes {@code position} (the watch continues after
     * it). Rare, and as costly as asking the registry once per subject held.
     */
    public synchronized void resyncRegistry(long position, Instant now) {
        Set<String> subjects = new LinkedHashSet<>();
        store.forEach(e -> {
            subjects.add(e.subjectId());
            e.bound().forEach(p -> subjects.add(p.subjectId()));
        });
        subjects.forEach(this::rederiveSubject);
        store.saveRegistrySequence(position);
        enforcement.registryApplied(position);
    }

    private void putGrade(GradeChange change) {
        if (enforcement.catalogue().followsModel(change.modelId())) {
            RestrictionRecord record = change.record();
            List<IndexEntry> previous = store.find(record.recordId()).map(List::of).orElse(List.of());
            List<SubjectKey> keys = change.grade().isEmpty() ? List.of() : directory.identifiersOf(change.subjectId());
            List<IndexEntry> next = keys.isEmpty() ? List.of()
                    : List.of(new IndexEntry(record, keys, "", List.of(), change.subjectId()));
            List<EnforcementIndex> indexes = building == null ? List.of(enforcement.index())
                    : List.of(enforcement.index(), building);
            for (EnforcementIndex index : indexes) {
                replace(index, previous, next);
            }
            if (next.isEmpty()) {
                store.delete(record.recordId());
            } else {
                store.save(next.getFirst());
            }
        }
    }

    /** For tests and metrics: the instant the last change was applied. */
    public Instant appliedAt() {
        return enforcement.appliedAt();
    }
}
