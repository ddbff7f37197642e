package credit.platform.sanctions.enforcement.domain;

import java.time.Instant;

/**
 * A change of a subject announced on the registry's change feed ({@code WatchSubjectChanges}): an
 * identifier bound or unbound, a role recorded or ended. {@link IndexMaintenance#applyRegistryChange}
 * re-derives every entry the subject is in — records naming it, and company records binding it.
 */
public record RegistryChange(long sequence, String subjectId, Instant occurredAt) {
}
