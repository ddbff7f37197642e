package credit.platform.client.travel;

/**
 * The decision for one passenger.
 *
 * @param decision ALLOW or DENY; a DENY names the reason, the authority and how to appeal
 */
public record TravelCheckResult(String passengerRef, String decision, String reasonCode, String issuingAuthority,
        String decisionReference, String appealChannel) {
}
