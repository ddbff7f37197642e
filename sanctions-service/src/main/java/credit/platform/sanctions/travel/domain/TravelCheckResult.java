package credit.platform.sanctions.travel.domain;

/** What the ticketing system gets back. {@code decisionReference} is empty for an ALLOW. */
public record TravelCheckResult(String passengerRef, TravelDecision decision, String decisionReference) {
}
