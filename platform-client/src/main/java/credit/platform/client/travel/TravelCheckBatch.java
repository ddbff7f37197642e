package credit.platform.client.travel;

import java.util.List;

/**
 * Up to 10 000 checks (a whole train or flight); answered in the same order.
 *
 * @param selfContainedReceipts null or true (the REST default): every answer carries its own
 *                              self-contained {@code receipt}; false: every answer carries the compact
 *                              proof and the batch's {@link TravelDecisions#receipt()} is the envelope
 *                              (much smaller answers; see {@link TravelDecision})
 */
public record TravelCheckBatch(List<TravelCheck> checks, Boolean selfContainedReceipts) {

    public TravelCheckBatch(List<TravelCheck> checks) {
        this(checks, null);
    }

    /** A batch answered with compact proofs under the batch's one envelope. */
    public static TravelCheckBatch compact(List<TravelCheck> checks) {
        return new TravelCheckBatch(checks, false);
    }
}
