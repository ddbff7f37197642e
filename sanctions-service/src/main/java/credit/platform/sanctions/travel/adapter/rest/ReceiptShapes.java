package credit.platform.sanctions.travel.adapter.rest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The shapes of what receipts carry, for the API description only: the controller passes the signed
 * claims and the JWK set on as maps ({@code CheckTravel} writes the claims, {@code JwsReceipts} the keys);
 * these records name their fields so that clients can be generated.
 */
final class ReceiptShapes {

    private ReceiptShapes() {
    }

    @Schema(name = "ReceiptClaims", description = "What a verified receipt says (the signed decision)")
    record Claims(@Schema(example = "credit-platform/sanctions") String iss,
            @Schema(description = "the decision id") String jti, @Schema(description = "epoch seconds") long iat,
            @Schema(allowableValues = {"ALLOW", "DENY"}) String decision, List<ReceiptReason> reasons,
            @Schema(description = "epoch seconds: the receipt is not valid after") long exp,
            @Schema(description = "the client the decision was given to") String aud,
            String passengerRef,
            @Schema(description = "HMAC-SHA256 (hex) of scheme:country:number under the service's document key: "
                    + "not reversible by trying numbers; receipts/verify with the document says whether it matches")
            String documentHmac,
            String mode, String seatClass, String trainNumber, String travelAt, long asOfSequence, String asOfTime,
            boolean stale, String client, Signature receipt) {
    }

    @Schema(name = "ReceiptReason")
    record ReceiptReason(String code, String measure, String authority, String recordRef, String capacity) {
    }

    @Schema(name = "ReceiptSignature", description = "The signed envelope a compact batch answer lies under")
    record Signature(String jti, long iat, long exp, String merkleRoot, int count, int index) {
    }

    @Schema(name = "ReceiptKeys", description = "The public keys receipts are signed with (a JWK set, RFC 7517)")
    record Keys(List<Key> keys) {
    }

    @Schema(name = "ReceiptKey")
    record Key(@Schema(example = "EC") String kty, @Schema(example = "P-256") String crv, String x, String y,
            String kid, String use, String alg) {
    }
}
