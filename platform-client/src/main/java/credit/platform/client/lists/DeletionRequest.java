package credit.platform.client.lists;

/**
 * Reports that a deletion ground arose; the record's authority must remove the record within its
 * list's removal deadline (e.g. 3 working days for the SPC list).
 *
 * @param ground PERFORMED, SETTLEMENT_PERFORMED, CREDITOR_CONSENT, NO_ASSETS_FOUND, ENFORCEMENT_ENDED,
 *               ERROR, CURED or OTHER
 */
public record DeletionRequest(String ground, String reason) {
}
