package credit.platform.client.travel;

import java.time.Instant;

import credit.platform.client.IdentifierDto;

/**
 * Asks whether a passenger may buy a ticket.
 *
 * @param passengerRef the carrier's own reference, echoed in the result
 * @param document     the travel document presented
 * @param name         the passenger's name
 * @param mode         AIR, RAIL or SHIP
 * @param serviceClass AIR_ECONOMY, AIR_PREMIUM_ECONOMY, AIR_BUSINESS, AIR_FIRST, RAIL_SECOND, RAIL_FIRST,
 *                     RAIL_BUSINESS, RAIL_PREMIUM, RAIL_NO_SEAT, RAIL_HARD_SEAT, RAIL_SOFT_SEAT, RAIL_HARD_SLEEPER,
 *                     RAIL_SOFT_SLEEPER, RAIL_PREMIUM_SOFT_SLEEPER, SHIP_SPECIAL, SHIP_FIRST, SHIP_SECOND,
 *                     SHIP_THIRD, SHIP_FOURTH, SHIP_FIFTH, SHIP_SEAT
 * @param trainNumber  for RAIL, may be null otherwise
 * @param departure    planned departure
 */
public record TravelCheckRequest(String passengerRef, IdentifierDto document, String name, String mode,
        String serviceClass, String trainNumber, Instant departure) {
}
