package credit.platform.client.lists;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An objection or credit-repair application on a record.
 *
 * @param kind      OBJECTION, REPAIR or DELETION
 * @param ground    the deletion ground of a DELETION request, otherwise null
 * @param authority the agency that must decide it (the record's issuing authority)
 * @param decideBy  the last day of the decision deadline
 * @param overdue   undecided after {@code decideBy}
 * @param status    FILED, ACKNOWLEDGED, ACCEPTED or REJECTED
 */
public record ApplicationView(String id, String kind, String recordId, String listId, String authority,
        String filedBy, String reason, String ground, Instant filedAt, LocalDate decideBy, boolean overdue, String status,
        Instant acknowledgedAt, Instant decidedAt, String decidedBy, String decisionReason, long version) {
}
