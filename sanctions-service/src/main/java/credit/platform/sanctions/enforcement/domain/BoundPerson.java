package credit.platform.sanctions.enforcement.domain;

import java.time.Instant;
import java.util.List;

/** A person holding a role in a company, with every identifier of theirs (from the registry). */
public record BoundPerson(Role role, List<SubjectKey> keys, Instant from, Instant until) {

    public BoundPerson {
        keys = List.copyOf(keys);
    }
}
