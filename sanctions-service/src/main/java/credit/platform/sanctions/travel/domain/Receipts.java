package credit.platform.sanctions.travel.domain;

import java.util.Map;
import java.util.Optional;

/**
 * Port to the receipt keys: claims signed as a compact JWS (ES256: measured faster than the JDK's
 * Ed25519 here — 0.14 ms against 0.75 ms per signature), so either side can later prove what was
 * answered; verification against the published keys, of a plain JWS and of a
 * {@link DecisionReceipt} (signed root + decision + inclusion proof).
 */
public interface Receipts {

    String sign(Map<String, Object> claims);

    /** The claims when the receipt carries a valid signature by one of this service's keys; empty otherwise. */
    Optional<Map<String, Object>> verify(String receipt);

    /**
     * A compact batch answer ({@link DecisionReceipt#compact}): the batch's envelope, the answer's
     * decision bytes, index and sibling hashes. The claims as {@link #verify} gives them for the
     * self-contained receipt of the same answer; empty when anything does not verify (and from an
     * implementation that cannot verify signatures).
     */
    default Optional<Map<String, Object>> verify(DecisionReceipt receipt) {
        return Optional.empty();
    }

    /** The public keys as a JWK set (JSON object). */
    Map<String, Object> publishedKeys();
}
