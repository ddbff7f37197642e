package credit.platform.gateway;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import credit.sanctions.v1.BatchCheckTravelRequest;
import credit.sanctions.v1.BatchCheckTravelResponse;
import credit.sanctions.v1.CheckEligibilityRequest;
import credit.sanctions.v1.CheckEligibilityResponse;
import credit.sanctions.v1.CheckTravelRequest;
import credit.sanctions.v1.CheckTravelResponse;
import credit.sanctions.v1.Decision;
import credit.sanctions.v1.EligibilityServiceGrpc;
import credit.sanctions.v1.TravelCheckServiceGrpc;
import io.grpc.stub.StreamObserver;

/**
 * Stands in for sanctions-service's gRPC API behind the gateway (the system tests run the real
 * one): DENY for the documents it is told are listed, ALLOW otherwise; a passenger reference
 * {@code slow} makes it answer after two seconds. Remembers the passengers it was asked about.
 */
final class FakeSanctionsService {

    final Set<String> listedDocuments;
    final List<String> checkedPassengers = new CopyOnWriteArrayList<>();

    FakeSanctionsService(Set<String> listedDocuments) {
        this.listedDocuments = listedDocuments;
    }

    final TravelCheckServiceGrpc.TravelCheckServiceImplBase travel = new TravelCheckServiceGrpc.TravelCheckServiceImplBase() {
        @Override
        public void checkTravel(CheckTravelRequest request, StreamObserver<CheckTravelResponse> answer) {
            if (request.getPassengerRef().equals("slow")) {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            answer.onNext(decide(request));
            answer.onCompleted();
        }

        @Override
        public void batchCheckTravel(BatchCheckTravelRequest request, StreamObserver<BatchCheckTravelResponse> answer) {
            answer.onNext(BatchCheckTravelResponse.newBuilder()
                    .addAllResults(request.getChecksList().stream().map(FakeSanctionsService.this::decide).toList())
                    .build());
            answer.onCompleted();
        }

        @Override
        public StreamObserver<CheckTravelRequest> streamCheckTravel(StreamObserver<CheckTravelResponse> answers) {
            return new StreamObserver<>() {
                @Override
                public void onNext(CheckTravelRequest request) {
                    answers.onNext(decide(request));
                }

                @Override
                public void onError(Throwable t) {
                }

                @Override
                public void onCompleted() {
                    answers.onCompleted();
                }
            };
        }
    };

    final EligibilityServiceGrpc.EligibilityServiceImplBase eligibility = new EligibilityServiceGrpc.EligibilityServiceImplBase() {
        @Override
        public void checkEligibility(CheckEligibilityRequest request, StreamObserver<CheckEligibilityResponse> answer) {
            answer.onNext(CheckEligibilityResponse.getDefaultInstance());
            answer.onCompleted();
        }
    };

    private CheckTravelResponse decide(CheckTravelRequest request) {
        checkedPassengers.add(request.getPassengerRef());
        boolean listed = listedDocuments.contains(request.getDocument().getValue());
        return CheckTravelResponse.newBuilder()
                .setPassengerRef(request.getPassengerRef())
                .setDecision(listed ? Decision.DECISION_DENY : Decision.DECISION_ALLOW)
                .setReasonCode(listed ? "SPC_DISHONEST_DEBTOR" : "")
                .build();
    }
}
