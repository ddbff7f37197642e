package credit.platform.client.registry;

import java.time.LocalDate;

/**
 * A role the subject in the path holds in {@code toSubjectId}.
 *
 * @param type             LEGAL_REPRESENTATIVE, PRINCIPAL, SHAREHOLDER, ACTUAL_CONTROLLER or BUSINESS_PARTNER
 * @param validTo          last day, inclusive; null while it lasts
 * @param shareBasisPoints SHAREHOLDER only, 1..10000; null otherwise
 */
public record CreateRelationshipRequest(String type, String toSubjectId, LocalDate validFrom, LocalDate validTo,
        Integer shareBasisPoints) {
}
