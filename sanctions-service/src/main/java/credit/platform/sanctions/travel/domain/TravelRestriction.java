package credit.platform.sanctions.travel.domain;

import java.util.function.Predicate;

/**
 * What one list bars its subjects from, and what a denied passenger is told.
 *
 * @param listId        the list whose effective records trigger it
 * @param reasonCode    stable code for the DENY, e.g. {@code SPC_DISHONEST_DEBTOR}
 * @param appealChannel where the passenger can appeal
 * @param bars          the trips it bars
 */
public record TravelRestriction(String listId, String reasonCode, String appealChannel, Predicate<TravelCheck> bars) {
}
