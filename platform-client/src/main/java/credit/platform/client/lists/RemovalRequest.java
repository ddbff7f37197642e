package credit.platform.client.lists;

/**
 * Takes a record off its list.
 *
 * @param ground          PERFORMED, SETTLEMENT_PERFORMED, CREDITOR_CONSENT, NO_ASSETS_FOUND,
 *                        ENFORCEMENT_ENDED, ERROR, OBJECTION_UPHELD, REPAIRED, CURED or OTHER
 * @param expectedVersion the record version you read; the service answers 409 if it changed since
 *                        (null: no check)
 */
public record RemovalRequest(String ground, String reason, Long expectedVersion) {
}
