package credit.platform.sanctions.travel.adapter;

import credit.lists.v1.ListRecord;
import credit.lists.v1.ListSubjectRecordsRequest;
import credit.lists.v1.ListSubjectRecordsResponse;
import credit.lists.v1.ListsServiceGrpc;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for the real lists service (blacklist-service) in this test; the system tests run the
 * real one. Answers {@code ListSubjectRecords} from a map, UNAVAILABLE when told to.
 */
class FakeListsService extends ListsServiceGrpc.ListsServiceImplBase {

    final Map<String, List<ListRecord>> records = new ConcurrentHashMap<>();
    volatile boolean unavailable;

    @Override
    public void listSubjectRecords(ListSubjectRecordsRequest request,
            StreamObserver<ListSubjectRecordsResponse> response) {
        if (unavailable) {
            response.onError(Status.UNAVAILABLE.withDescription("fake lists service is down").asRuntimeException());
            return;
        }
        response.onNext(ListSubjectRecordsResponse.newBuilder()
                .addAllRecords(records.getOrDefault(request.getSubjectId(), List.of()))
                .build());
        response.onCompleted();
    }
}
