package credit.platform.lists.definition.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * Credit repair on a list (NDRC Order 36; docs/domain.md, "Credit repair"): possible once the minimum publicity
 * period has passed, decided by the authority that made the record within {@code decision}.
 *
 * @param minimumPublicity how long a record stays published before repair may be applied for
 * @param decision         how long the authority has to decide an application
 */
public record RepairPolicy(Period minimumPublicity, TimeLimit decision) {

    public RepairPolicy {
        Objects.requireNonNull(minimumPublicity, "minimumPublicity");
        Objects.requireNonNull(decision, "decision");
    }

    /** The first day an application for repair may be filed, for a record effective from {@code from}. */
    public LocalDate earliestApplication(LocalDate from) {
        return credit.platform.identifiers.ChinaTime.lastDay(from, minimumPublicity).plusDays(1);
    }
}
