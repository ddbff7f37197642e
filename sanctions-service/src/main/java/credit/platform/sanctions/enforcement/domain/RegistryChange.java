package credit.platform.sanctions.enforcement.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A change of a subject announced on the registry's change feed ({@code WatchSubjectChanges}):
 * for a company with a record in the index, its legal representative, principal and actual
 * controller are asked again and the record re-keyed.
 */
public record RegistryChange(long sequence, String subjectId, Instant occurredAt) {

    /**
     * The company's persons after a change at {@code at}: everyone the registry names as holding a
     * role at that instant or now (each with the registry's own window), and everyone bound before
     * who is no longer named, kept with their role ended at {@code at} — so a trip before the
     * change is still judged with the holder of the time, a trip from the change date without them.
     */
    static List<BoundPerson> follow(List<BoundPerson> before, List<BoundPerson> atChange, List<BoundPerson> now,
            Instant at) {
        LinkedHashSet<BoundPerson> named = new LinkedHashSet<>(atChange);
        named.addAll(now);
        List<BoundPerson> out = new ArrayList<>(named);
        for (BoundPerson p : before) {
            boolean stillNamed = named.stream().anyMatch(n -> n.role() == p.role() && n.keys().equals(p.keys()));
            if (!stillNamed) {
                Instant until = at == null || (p.until() != null && p.until().isBefore(at)) ? p.until() : at;
                out.add(new BoundPerson(p.role(), p.keys(), p.from(), until));
            }
        }
        return out;
    }
}
