package credit.platform.client.travel;

import java.util.List;

/**
 * The answer for one passenger: nothing else about the person.
 *
 * @param decision   ALLOW or DENY
 * @param reasons    every measure barring the trip (empty for ALLOW)
 * @param decisionId unique per answer; quote it for redress (only a DENY's is stored)
 * @param asOf       the index state it was decided at
 * @param receipt    compact JWS (ES256) over the decision; verify with {@link TravelApi#verifyReceipt} or the
 *                   published keys
 */
public record TravelDecision(String passengerRef, String decision, List<TravelReason> reasons, String decisionId,
        AsOf asOf, String receipt) {

    public boolean denied() {
        return "DENY".equals(decision);
    }
}
