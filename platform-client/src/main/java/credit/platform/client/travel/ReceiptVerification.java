package credit.platform.client.travel;

import java.util.Map;

/**
 * Whether a receipt carries a valid signature of the sanctions service.
 *
 * @param claims what the receipt says (decision, reasons, decisionId, travel, asOf, …); null when not valid
 */
public record ReceiptVerification(boolean valid, Map<String, Object> claims) {

    /** The request body. */
    public record Request(String receipt) {
    }
}
