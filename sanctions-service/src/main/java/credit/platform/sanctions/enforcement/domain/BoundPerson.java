package credit.platform.sanctions.enforcement.domain;

import java.time.Instant;
import java.util.List;

/**
 * A person holding a role in a company for a period, with every identifier of theirs (from the
 * registry). Past, current and future holders are all kept: a trip is judged with whoever held the
 * role on the travel date.
 *
 * @param subjectId the person's registry id ("" when not known): a registry change of the person re-keys them
 * @param from      first instant of the role (inclusive); {@code null} for "always"
 * @param until     exclusive end of the role; {@code null} while it lasts
 */
public record BoundPerson(Role role, String subjectId, List<SubjectKey> keys, Instant from, Instant until) {

    public BoundPerson {
        subjectId = subjectId == null ? "" : subjectId;
        keys = List.copyOf(keys);
    }

    public BoundPerson(Role role, List<SubjectKey> keys, Instant from, Instant until) {
        this(role, "", keys, from, until);
    }
}
