package credit.platform.client.travel;

import java.util.List;

/**
 * The answer for one passenger: nothing else about the person.
 *
 * <p>Every answer is provable on its own, in one of two forms (both verify with
 * {@link TravelApi#verifyReceipt} or offline with the published keys,
 * {@code GET /api/v1/travel-checks/receipt-keys}):
 * <ul>
 * <li><b>self-contained</b> ({@code receipt}; single checks, and batches by default):
 * {@code <JWS>~<decision>~<index>:<count>[:<sibling>…]} — an ES256 JWS over the root of a SHA-256
 * hash tree of the decisions signed together ({@code typ merkle-sha256, merkleRoot, count}), the
 * base64url claims of this decision (jti = decisionId, decision, reasons, documentSha256, …) and its
 * inclusion proof (base64url sibling hashes). Leaf = SHA-256(0x00‖decision), node =
 * SHA-256(0x01‖left‖right), an odd last node moves up unchanged. First-version receipts (a plain JWS
 * over the decision) still verify.</li>
 * <li><b>compact</b> (a batch asked with {@link TravelCheckBatch#compact}): {@code receipt} is null;
 * {@code receiptDecision} (base64url of the same claims JSON), {@code receiptIndex} and
 * {@code receiptProof} (base64url of the concatenated 32-byte sibling hashes) prove the answer under
 * the batch's one envelope, {@link TravelDecisions#receipt()} — see {@link #verificationRequest(String)}.
 * The proof holds only hashes of the other passengers' answers, never their content.</li>
 * </ul>
 *
 * @param decision        ALLOW or DENY
 * @param reasons         every measure barring the trip (empty for ALLOW)
 * @param decisionId      unique per answer; quote it for redress (only a DENY's is stored)
 * @param asOf            the index state it was decided at
 * @param receipt         the self-contained receipt; null in a compact batch
 * @param receiptDecision compact batch only: base64url of the decision's claims (the hash-tree leaf's bytes)
 * @param receiptIndex    compact batch only: the answer's leaf index (its position in the batch)
 * @param receiptProof    compact batch only: base64url of the sibling hashes, leaf to root, 32 bytes each
 */
public record TravelDecision(String passengerRef, String decision, List<TravelReason> reasons, String decisionId,
        AsOf asOf, String receipt, String receiptDecision, Integer receiptIndex, String receiptProof) {

    /** The first version's shape (self-contained receipt only). */
    public TravelDecision(String passengerRef, String decision, List<TravelReason> reasons, String decisionId,
            AsOf asOf, String receipt) {
        this(passengerRef, decision, reasons, decisionId, asOf, receipt, null, null, null);
    }

    public boolean denied() {
        return "DENY".equals(decision);
    }

    /** Whether this answer carries the compact proof (a batch asked without self-contained receipts). */
    public boolean hasCompactProof() {
        return receiptDecision != null && receiptIndex != null && receiptProof != null;
    }

    /**
     * What proves this answer alone: its self-contained receipt, or — for a compact batch answer — the
     * batch's envelope with this answer's decision, index and proof. Send it to
     * {@link TravelApi#verifyReceipt}, or keep it as the record of what was answered.
     *
     * @param batchEnvelope {@link TravelDecisions#receipt()} of the batch this answer came in (unused
     *                      for a self-contained receipt)
     */
    public ReceiptVerification.Request verificationRequest(String batchEnvelope) {
        return hasCompactProof()
                ? ReceiptVerification.Request.compact(batchEnvelope, receiptDecision, receiptIndex, receiptProof)
                : new ReceiptVerification.Request(receipt);
    }
}
