package credit.platform.registry.relationship.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A role one subject holds in another for a period.
 *
 * @param fromSubjectId    who holds the role (e.g. the legal representative)
 * @param toSubjectId      the subject the role is held in (e.g. the company)
 * @param validFrom        first day (Asia/Shanghai calendar)
 * @param validTo          last day, inclusive; null while the relationship lasts
 * @param shareBasisPoints for SHAREHOLDER, 1..10000; 0 otherwise
 */
public record Relationship(String id, RelationshipType type, String fromSubjectId, String toSubjectId,
        LocalDate validFrom, LocalDate validTo, int shareBasisPoints, Instant createdAt) {

    /** True when the relationship holds on {@code day}. */
    public boolean validOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }

    /** True when the periods of both share at least one day. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return (to == null || !validFrom.isAfter(to)) && (validTo == null || !validTo.isBefore(from));
    }
}
