package credit.platform.benchmarks.sanctions;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import credit.platform.sanctions.travel.domain.Receipts;
import credit.sanctions.v1.CheckTravelRequest;
import credit.sanctions.v1.CheckTravelResponse;
import credit.sanctions.v1.Decision;
import credit.sanctions.v1.TravelCheckServiceGrpc;
import io.grpc.stub.StreamObserver;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/**
 * The naive baseline: every check queries MongoDB (indexed field {@code key}) for the passenger's
 * records, then decides — no in-memory index. Signs the same receipt as the real path.
 */
final class NaiveMongoTravelService extends TravelCheckServiceGrpc.TravelCheckServiceImplBase {

    private final MongoCollection<Document> records;
    private final Receipts receipts;

    NaiveMongoTravelService(MongoCollection<Document> records, Receipts receipts) {
        this.records = records;
        this.receipts = receipts;
    }

    @Override
    public void checkTravel(CheckTravelRequest request, StreamObserver<CheckTravelResponse> response) {
        Document found = records.find(Filters.eq("key", "RESIDENT_ID::" + request.getDocument().getValue())).first();
        boolean deny = found != null && request.getMode() == credit.sanctions.v1.TravelMode.TRAVEL_MODE_AIR;
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("decision", deny ? "DENY" : "ALLOW");
        claims.put("passengerRef", request.getPassengerRef());
        response.onNext(CheckTravelResponse.newBuilder().setPassengerRef(request.getPassengerRef())
                .setDecision(deny ? Decision.DECISION_DENY : Decision.DECISION_ALLOW)
                .setReceipt(receipts.sign(claims)).build());
        response.onCompleted();
    }
}
