package credit.platform.sanctions.enforcement.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One enforced record with everything the index derived for it: every identifier of the listed
 * subject (the identifier the record names first, then every one the registry binds to the subject now)
 * and, for a company, every person its listing binds, in every period. This is what the index store
 * persists, so a restart rebuilds the index without asking anyone.
 *
 * @param subjectId the listed subject's registry id ("" for entries stored before it was kept): a
 *                  registry change of that subject re-derives the entry
 */
public record IndexEntry(RestrictionRecord record, List<SubjectKey> keys, String companyUscc,
        List<BoundPerson> bound, String subjectId) {

    public IndexEntry {
        keys = List.copyOf(keys);
        bound = List.copyOf(bound);
        subjectId = subjectId == null ? "" : subjectId;
    }

    public IndexEntry(RestrictionRecord record, List<SubjectKey> keys, String companyUscc, List<BoundPerson> bound) {
        this(record, keys, companyUscc, bound, "");
    }

    /** A company's record: its persons follow the registry. */
    public boolean bindsPersons() {
        return !companyUscc.isEmpty() && !subjectId.isEmpty();
    }

    /** Every identifier the entry puts into the index: the subject's and its bound persons'. */
    public Set<SubjectKey> allKeys() {
        Set<SubjectKey> all = new LinkedHashSet<>(keys);
        bound.forEach(p -> all.addAll(p.keys()));
        return all;
    }

    /** Puts the record and its bindings into the index. */
    public void applyTo(EnforcementIndex index) {
        index.put(record, keys, EnforcementIndex.owner(subjectId));
        index.removeBindings(record.recordId());
        for (BoundPerson p : bound) {
            index.put(record.boundThrough(new Binding(p.role(), companyUscc, p.from(), p.until())), p.keys(),
                    EnforcementIndex.owner(p.subjectId()));
        }
    }

    /** Takes the record and its bindings out of the index (its identifiers stay mapped; see {@link EnforcementIndex#forget}). */
    public void removeFrom(EnforcementIndex index) {
        index.remove(record.recordId(), keys);
    }
}
