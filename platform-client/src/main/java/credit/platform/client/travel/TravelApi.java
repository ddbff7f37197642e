package credit.platform.client.travel;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** Travel checks for carriers (sanctions-service, via the gateway). All need scope {@code travel.check}. */
public interface TravelApi {

    /** One passenger. */
    @PostMapping(path = "/api/v1/travel-checks", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    TravelDecision checkTravel(@RequestBody TravelCheck check);

    /** A whole train or flight (up to 10 000), answered in order. */
    @PostMapping(path = "/api/v1/travel-checks/batch", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    TravelDecisions checkBatch(@RequestBody TravelCheckBatch batch);

    /** Whether a receipt was signed by the service, and what it says. */
    @PostMapping(path = "/api/v1/travel-checks/receipts/verify", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ReceiptVerification verifyReceipt(@RequestBody ReceiptVerification.Request receipt);

    /** The receipt keys as a JWK set (public parts only), for offline verification. */
    @GetMapping(path = "/api/v1/travel-checks/receipt-keys", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> receiptKeys();

    /**
     * The first version's request and answer shape, still accepted by the service.
     *
     * @deprecated use {@link #checkTravel(TravelCheck)}: reasons list, decision id, as-of and receipt
     */
    @Deprecated
    @PostMapping(path = "/api/v1/travel-checks", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    TravelCheckResult check(@RequestBody TravelCheckRequest request);
}
