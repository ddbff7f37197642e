package credit.platform.lists.application.domain;

import credit.platform.lists.record.domain.RemovalGround;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An objection or credit-repair application against one record, decided by the authority that made
 * the record ("whoever designated it repairs it") by {@code decideBy}.
 *
 * @param authority the agency that must decide (the record's issuing authority)
 * @param filedBy   client id of whoever filed it (the subject's portal or an agency)
 * @param decideBy  the last day of the decision deadline (calendar or working days per the list);
 *                  {@code null} while it cannot be computed ({@code deadlinePending} says why)
 * @param deadlinePending why the deadline is not known yet (a working-day count reaching a year without
 *                  a holiday notice), or {@code null}: the application is accepted and flagged, and the
 *                  deadline is computed as soon as the calendar knows the year
 * @param ground    the deletion ground a DELETION request names; {@code null} for the other kinds
 * @param version   1 when filed, +1 per step (optimistic concurrency)
 */
public record Application(
        String id,
        ApplicationKind kind,
        String recordId,
        String listId,
        String authority,
        String filedBy,
        String reason,
        Instant filedAt,
        LocalDate decideBy,
        ApplicationStatus status,
        Instant acknowledgedAt,
        Instant decidedAt,
        String decidedBy,
        String decisionReason,
        RemovalGround ground,
        long version,
        String deadlinePending) {

    public Application {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(status, "status");
        if (decideBy == null && deadlinePending == null) {
            throw new IllegalArgumentException("an application has a deadline or says why it has none yet");
        }
    }

    public Application(String id, ApplicationKind kind, String recordId, String listId, String authority,
            String filedBy, String reason, Instant filedAt, LocalDate decideBy, ApplicationStatus status,
            Instant acknowledgedAt, Instant decidedAt, String decidedBy, String decisionReason, RemovalGround ground,
            long version) {
        this(id, kind, recordId, listId, authority, filedBy, reason, filedAt, decideBy, status, acknowledgedAt,
                decidedAt, decidedBy, decisionReason, ground, version, null);
    }

    /** Still undecided after its last day (never while the deadline is pending). */
    public boolean isOverdueOn(LocalDate today) {
        return status.isOpen() && decideBy != null && today.isAfter(decideBy);
    }

    /** The deadline, now computable. */
    Application withDeadline(LocalDate day) {
        return new Application(id, kind, recordId, listId, authority, filedBy, reason, filedAt, day, status,
                acknowledgedAt, decidedAt, decidedBy, decisionReason, ground, version + 1, null);
    }

    Application acknowledged(Instant at) {
        return new Application(id, kind, recordId, listId, authority, filedBy, reason, filedAt, decideBy,
                ApplicationStatus.ACKNOWLEDGED, at, decidedAt, decidedBy, decisionReason, ground, version + 1,
                deadlinePending);
    }

    Application decided(boolean accepted, String by, String why, Instant at) {
        return new Application(id, kind, recordId, listId, authority, filedBy, reason, filedAt, decideBy,
                accepted ? ApplicationStatus.ACCEPTED : ApplicationStatus.REJECTED, acknowledgedAt, at, by, why,
                ground, version + 1, deadlinePending);
    }
}
