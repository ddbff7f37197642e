package credit.platform.sanctions.enforcement.domain;

import java.time.Instant;

/**
 * How a company's record binds a person: the role, the company (by its USCC, which the DENY names)
 * and the period the person held the role (from the registry).
 *
 * @param until exclusive; {@code null} while the person holds the role
 */
public record Binding(Role role, String companyUscc, Instant from, Instant until) {

    public boolean heldAt(Instant at) {
        return (from == null || !from.isAfter(at)) && (until == null || until.isAfter(at));
    }

    /** E.g. "as legal representative of 91350200776049653A". */
    public String capacity() {
        return "as " + role.words() + " of " + companyUscc;
    }
}
