package credit.platform.benchmarks.sanctions;

import credit.sanctions.v1.BatchCheckTravelRequest;
import credit.sanctions.v1.BatchCheckTravelResponse;
import credit.sanctions.v1.CheckTravelRequest;
import credit.sanctions.v1.CheckTravelResponse;
import credit.sanctions.v1.Decision;
import credit.sanctions.v1.TravelCheckServiceGrpc;
import io.grpc.stub.StreamObserver;

/**
 * The practical limit: the same contract, answering ALLOW without looking at anything (no index, no
 * token, no receipt). The one echo service of the benchmarks: {@link GrpcSuiteBench} and
 * {@link GrpcServerMain} serve it in-process, the front-door harness's
 * {@link credit.platform.benchmarks.frontdoor.EchoServers} in its own process.
 */
public final class EchoTravelService extends TravelCheckServiceGrpc.TravelCheckServiceImplBase {

    private static CheckTravelResponse answer(CheckTravelRequest r) {
        return CheckTravelResponse.newBuilder().setPassengerRef(r.getPassengerRef()).setDecision(Decision.DECISION_ALLOW)
                .build();
    }

    @Override
    public void checkTravel(CheckTravelRequest request, StreamObserver<CheckTravelResponse> response) {
        response.onNext(answer(request));
        response.onCompleted();
    }

    @Override
    public void batchCheckTravel(BatchCheckTravelRequest request, StreamObserver<BatchCheckTravelResponse> response) {
        BatchCheckTravelResponse.Builder b = BatchCheckTravelResponse.newBuilder();
        request.getChecksList().forEach(c -> b.addResults(answer(c)));
        response.onNext(b.build());
        response.onCompleted();
    }

    @Override
    public StreamObserver<CheckTravelRequest> streamCheckTravel(StreamObserver<CheckTravelResponse> response) {
        return new StreamObserver<>() {
            @Override
            public void onNext(CheckTravelRequest value) {
                response.onNext(answer(value));
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
