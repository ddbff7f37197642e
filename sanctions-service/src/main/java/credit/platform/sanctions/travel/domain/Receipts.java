package credit.platform.sanctions.travel.domain;

import java.util.Map;
import java.util.Optional;

/**
 * Port to the receipt keys: an answer's claims signed as a compact JWS, so either side can later
 * prove what was answered; verification against the published keys.
 */
public interface Receipts {

    String sign(Map<String, Object> claims);

    /** The claims when the receipt carries a valid signature by one of this service's keys; empty otherwise. */
    Optional<Map<String, Object>> verify(String receipt);

    /** The public keys as a JWK set (JSON object). */
    Map<String, Object> publishedKeys();
}
