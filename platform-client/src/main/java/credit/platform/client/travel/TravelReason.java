package credit.platform.client.travel;

/**
 * Why a trip is barred.
 *
 * @param code      the joint-sanction rule's reason code, e.g. SPC_DISHONEST_DEBTOR
 * @param measure   the measure, e.g. AIR_TRAVEL_BAN, RAIL_HIGH_SPEED_BAN
 * @param authority the authority that issued the record
 * @param recordRef the record to quote when contesting it
 * @param appeal    where and how to contest
 * @param capacity  set when the passenger is bound through a company, e.g. "as legal representative of 9135…"
 */
public record TravelReason(String code, String measure, String authority, String recordRef, String appeal,
        String capacity) {
}
