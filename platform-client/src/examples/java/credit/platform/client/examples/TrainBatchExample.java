package credit.platform.client.examples;

import credit.platform.client.PlatformClient;
import credit.platform.client.PlatformClientProperties;
import credit.platform.client.PlatformClients;
import credit.platform.client.travel.ReceiptVerifier;
import credit.platform.client.travel.TravelCheck;
import credit.platform.client.travel.TravelCheckBatch;
import credit.platform.client.travel.TravelDecision;
import credit.platform.client.travel.TravelDecisions;
import credit.platform.client.travel.TravelDocument;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A railway checks a whole train before departure in one call (up to 10 000 passengers), asking for
 * compact proofs: one signature for the train, a short proof per passenger — every answer still
 * verifies on its own, offline.
 */
public final class TrainBatchExample {

    private TrainBatchExample() {
    }

    /** One seat of the manifest. */
    public record Seat(String ref, String residentId, String seatClass) {
    }

    /** The train's decisions, in manifest order; every one verified offline. */
    public static List<TravelDecision> checkTrain(PlatformClient rail, String trainNumber, LocalDate date, List<Seat> manifest) {
        List<TravelCheck> checks = new ArrayList<>();
        for (Seat seat : manifest) {
            checks.add(TravelCheck.train(seat.ref(), TravelDocument.residentId(seat.residentId()), trainNumber,
                    seat.seatClass(), date));
        }
        TravelDecisions answer = rail.travel().checkBatch(TravelCheckBatch.compact(checks));
        ReceiptVerifier verifier = rail.receiptVerifier(); // keys fetched once, then cached
        for (TravelDecision d : answer.results()) {
            if (!verifier.verify(d, answer.receipt()).valid()) {
                throw new IllegalStateException("answer for " + d.passengerRef() + " does not verify");
            }
        }
        return answer.results();
    }

    public static void main(String[] args) {
        PlatformClient rail = PlatformClients.create(new PlatformClientProperties(
                SingleCheckExample.env("CREDIT_GATEWAY_URL", "http://localhost:8080"),
                SingleCheckExample.env("CREDIT_TOKEN_URI", "http://localhost:8180/realms/credit/protocol/openid-connect/token"),
                SingleCheckExample.env("CREDIT_CLIENT_ID", "rail-demo"), SingleCheckExample.env("CREDIT_CLIENT_SECRET", null)));
        List<TravelDecision> decisions = checkTrain(rail, "G1", LocalDate.now().plusDays(1),
                List.of(new Seat("05A", "11010519491231002X", "SECOND_CLASS")));
        decisions.forEach(d -> System.out.println(d.passengerRef() + " " + d.decision()));
    }
}
