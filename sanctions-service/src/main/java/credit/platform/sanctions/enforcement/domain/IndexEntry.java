package credit.platform.sanctions.enforcement.domain;

import java.util.List;

/**
 * One enforced record with everything the index derived for it: every identifier of the listed
 * subject (passports bound to the resident ID included) and, for a company, the persons it binds.
 * This is what the index store persists, so a restart rebuilds the index without asking anyone.
 *
 * @param subjectId the listed subject's registry id ("" for entries stored before it was kept): a
 *                  registry change of that subject re-derives the entry's persons
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

    IndexEntry withBound(List<BoundPerson> persons) {
        return new IndexEntry(record, keys, companyUscc, persons, subjectId);
    }

    /** Puts the record and its bindings into the index. */
    public void applyTo(EnforcementIndex index) {
        index.put(record, keys);
        index.removeBindings(record.recordId());
        for (BoundPerson p : bound) {
            index.put(record.boundThrough(new Binding(p.role(), companyUscc, p.from(), p.until())), p.keys());
        }
    }
}
