package credit.platform.client.registry;

import java.time.LocalDate;

/**
 * @param status          ACTIVE, DEREGISTERED (entities and bodies) or DECEASED (persons)
 * @param date            the day of the change; required unless ACTIVE
 * @param expectedVersion the subject's version as read
 */
public record StatusChangeRequest(String status, LocalDate date, long expectedVersion) {
}
