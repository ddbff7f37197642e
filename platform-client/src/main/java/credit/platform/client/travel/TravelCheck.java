package credit.platform.client.travel;

import java.time.LocalDate;

/**
 * "May this passenger travel?" — one ticket.
 *
 * @param passengerRef your own reference (e.g. a PNR line), echoed in the answer
 * @param document     the identity document
 * @param name         the passenger's name (accepted, never used in the decision nor kept)
 * @param mode         AIR or RAIL (or SHIP)
 * @param trainNumber  for RAIL: its letter prefix (G, C, D, Z, T, K, S, Y, L or none) decides the rule;
 *                     full-width, lower case and spaces do not matter; null otherwise
 * @param seatClass    AIR: ECONOMY, PREMIUM_ECONOMY, BUSINESS, FIRST; RAIL: SECOND_CLASS, FIRST_CLASS,
 *                     BUSINESS_CLASS, PREMIUM_CLASS, NO_SEAT, HARD_SEAT, SOFT_SEAT, HARD_SLEEPER, SOFT_SLEEPER,
 *                     PREMIUM_SOFT_SLEEPER; SHIP: SPECIAL_CLASS, FIRST_CLASS, SECOND_CLASS, THIRD_CLASS,
 *                     FOURTH_CLASS, FIFTH_CLASS, SEAT
 * @param travelDate   the day of travel (China); null or today means now
 */
public record TravelCheck(String passengerRef, TravelDocument document, String name, String mode,
        String trainNumber, String seatClass, LocalDate travelDate) {

    public static TravelCheck flight(String passengerRef, TravelDocument document, String seatClass, LocalDate date) {
        return new TravelCheck(passengerRef, document, null, "AIR", null, seatClass, date);
    }

    public static TravelCheck train(String passengerRef, TravelDocument document, String trainNumber,
            String seatClass, LocalDate date) {
        return new TravelCheck(passengerRef, document, null, "RAIL", trainNumber, seatClass, date);
    }
}
