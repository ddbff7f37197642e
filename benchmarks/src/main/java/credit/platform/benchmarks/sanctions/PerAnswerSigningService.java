package credit.platform.benchmarks.sanctions;

import credit.platform.sanctions.travel.adapter.grpc.TravelCheckGrpcService;
import credit.platform.sanctions.travel.domain.CheckTravel;
import credit.sanctions.v1.CheckTravelRequest;
import credit.sanctions.v1.CheckTravelResponse;
import credit.sanctions.v1.TravelCheckServiceGrpc;
import io.grpc.stub.StreamObserver;
import java.util.List;

/**
 * The previous design, for comparison in the same run: every unary or stream answer signed on its
 * own (one ES256 signature per answer, on the calling thread) — a one-decision batch per check.
 */
final class PerAnswerSigningService extends TravelCheckServiceGrpc.TravelCheckServiceImplBase {

    private final CheckTravel checkTravel;

    PerAnswerSigningService(CheckTravel checkTravel) {
        this.checkTravel = checkTravel;
    }

    private CheckTravelResponse one(CheckTravelRequest request) {
        return TravelCheckGrpcService.toProto(checkTravel.checkBatch(List.of(TravelCheckGrpcService.fromProto(request, checkTravel.today())),
                "bench").results().getFirst());
    }

    @Override
    public void checkTravel(CheckTravelRequest request, StreamObserver<CheckTravelResponse> response) {
        response.onNext(one(request));
        response.onCompleted();
    }

    @Override
    public StreamObserver<CheckTravelRequest> streamCheckTravel(StreamObserver<CheckTravelResponse> response) {
        return new StreamObserver<>() {
            @Override
            public void onNext(CheckTravelRequest value) {
                response.onNext(one(value));
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onCompleted() {
                response.onCompleted();
            }
        };
    }
}
