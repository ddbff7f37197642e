package credit.platform.client.registry;

import java.time.LocalDate;

/**
 * A permit or licence of the subject in the path.
 *
 * @param validTo last valid day, inclusive; null when it does not expire
 * @param status  VALID (default when null), SUSPENDED or REVOKED
 */
public record CreatePermitRequest(String type, String issuer, String number, LocalDate validFrom, LocalDate validTo,
        String status) {
}
