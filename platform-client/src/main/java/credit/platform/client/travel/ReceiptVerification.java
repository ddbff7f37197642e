package credit.platform.client.travel;

import java.util.Map;

/**
 * Whether a receipt carries a valid signature of the sanctions service.
 *
 * @param claims what the receipt says (decision, reasons, decisionId, travel, asOf, …, and
 *               {@code receipt}: the envelope's jti, iat, exp (if any), merkleRoot, count and the answer's index);
 *               null when not valid
 * @param reason why it is not valid, when {@link ReceiptVerifier} checked it offline; null otherwise
 */
public record ReceiptVerification(boolean valid, Map<String, Object> claims, String reason) {

    public ReceiptVerification(boolean valid, Map<String, Object> claims) {
        this(valid, claims, null);
    }

    /**
     * The request body: either {@code receipt} (a self-contained receipt or a plain JWS), or the
     * compact form of a batch answer — {@code envelope} (the batch's receipt), {@code decision},
     * {@code index} and {@code proof} (base64url, as the answer carries them).
     */
    public record Request(String receipt, String envelope, String decision, Integer index, String proof) {

        public Request(String receipt) {
            this(receipt, null, null, null, null);
        }

        public static Request compact(String envelope, String decision, int index, String proof) {
            return new Request(null, envelope, decision, index, proof);
        }
    }
}
