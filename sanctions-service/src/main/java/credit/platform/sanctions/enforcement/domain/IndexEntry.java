package credit.platform.sanctions.enforcement.domain;

import java.util.List;

/**
 * One enforced record with everything the index derived for it: every identifier of the listed
 * subject (passports bound to the resident ID included) and, for a company, the persons it binds.
 * This is what the index store persists, so a restart rebuilds the index without asking anyone.
 */
public record IndexEntry(RestrictionRecord record, List<SubjectKey> keys, String companyUscc,
        List<BoundPerson> bound) {

    public IndexEntry {
        keys = List.copyOf(keys);
        bound = List.copyOf(bound);
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
