package credit.platform.client.registry;

import java.time.LocalDate;

/** @param validTo the relationship's last day */
public record EndRelationshipRequest(LocalDate validTo) {
}
