package credit.platform.client.registry;

import java.time.LocalDate;

/** A permit with its status today (EXPIRED once past {@code validTo}). */
public record PermitView(String id, String subjectId, String type, String issuer, String number, LocalDate validFrom,
        LocalDate validTo, String status, boolean expired) {
}
