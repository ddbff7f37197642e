package credit.platform.client.examples;

import credit.platform.client.PlatformClient;
import credit.platform.client.PlatformClientProperties;
import credit.platform.client.PlatformClients;
import credit.platform.client.travel.ReceiptVerification;
import credit.platform.client.travel.TravelCheck;
import credit.platform.client.travel.TravelDecision;
import credit.platform.client.travel.TravelDocument;
import credit.platform.client.travel.TravelReason;
import java.time.LocalDate;

/**
 * An airline asks about one passenger at booking time, keeps the receipt, and checks it offline.
 *
 * <pre>
 * CREDIT_CLIENT_SECRET=airline-demo-secret java … SingleCheckExample 11010519491231002X
 * </pre>
 */
public final class SingleCheckExample {

    private SingleCheckExample() {
    }

    /** Checks one passenger on a flight and verifies the answer's receipt with the published keys. */
    public static TravelDecision checkOnePassenger(PlatformClient airline, String residentId, LocalDate flightDate) {
        TravelDecision decision = airline.travel().checkTravel(TravelCheck.flight("PNR-ABC123-1",
                TravelDocument.residentId(residentId), "ECONOMY", flightDate));
        if (decision.denied()) {
            for (TravelReason reason : decision.reasons()) {
                // tell the passenger why, who decided and where to appeal; quote decision.decisionId()
                System.out.printf("DENY %s (%s) by %s — appeal: %s%n", reason.code(), reason.measure(),
                        reason.authority(), reason.appeal());
            }
        }
        // the receipt proves what was answered: store it with the booking; it verifies offline
        ReceiptVerification proof = airline.receiptVerifier().verify(decision.receipt());
        if (!proof.valid()) {
            throw new IllegalStateException("receipt does not verify: " + proof.reason());
        }
        return decision;
    }

    public static void main(String[] args) {
        PlatformClient airline = PlatformClients.create(new PlatformClientProperties(
                env("CREDIT_GATEWAY_URL", "http://localhost:8080"),
                env("CREDIT_TOKEN_URI", "http://localhost:8180/realms/credit/protocol/openid-connect/token"),
                env("CREDIT_CLIENT_ID", "airline-demo"), env("CREDIT_CLIENT_SECRET", null)));
        TravelDecision d = checkOnePassenger(airline, args.length > 0 ? args[0] : "11010519491231002X",
                LocalDate.now().plusDays(1));
        System.out.println(d.decision() + " " + d.decisionId());
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        if (v == null && fallback == null) {
            throw new IllegalStateException("set " + name);
        }
        return v == null ? fallback : v;
    }
}
