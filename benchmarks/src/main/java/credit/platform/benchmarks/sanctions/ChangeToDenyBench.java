package credit.platform.benchmarks.sanctions;

import com.google.protobuf.Timestamp;
import credit.common.v1.Identifier;
import credit.common.v1.IdentifierScheme;
import credit.lists.v1.ChangeEvent;
import credit.lists.v1.ChangeType;
import credit.lists.v1.ListKind;
import credit.lists.v1.ListRecord;
import credit.lists.v1.ListsServiceGrpc;
import credit.lists.v1.RecordStatus;
import credit.lists.v1.SnapshotRequest;
import credit.lists.v1.SnapshotResponse;
import credit.lists.v1.WatchRequest;
import credit.lists.v1.WatchResponse;
import credit.platform.sanctions.enforcement.adapter.remote.ListsFeedSubscriber;
import credit.platform.sanctions.enforcement.domain.Enforcement;
import credit.platform.sanctions.enforcement.domain.IndexMaintenance;
import credit.platform.sanctions.travel.domain.Decision;
import credit.platform.sanctions.travel.domain.ServiceClass;
import credit.platform.sanctions.travel.domain.TravelCheck;
import credit.platform.sanctions.travel.domain.TravelMode;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Change-to-DENY inside the sanctions service: a lists feed over real gRPC (a stand-in for the lists
 * service's Watch, on a local port) → {@link ListsFeedSubscriber} → index → a travel check that
 * polls until DENY. Excludes the lists service's own write-to-feed time (measure that in its module).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar credit.platform.benchmarks.sanctions.ChangeToDenyBench [samples=1000]</pre>
 */
public final class ChangeToDenyBench {

    /** Stands in for the lists service's feed: an empty snapshot, then the changes this bench publishes. */
    static final class FeedStandIn extends ListsServiceGrpc.ListsServiceImplBase {
        final CopyOnWriteArrayList<StreamObserver<WatchResponse>> watchers = new CopyOnWriteArrayList<>();
        long sequence;

        @Override
        public void snapshot(SnapshotRequest request, StreamObserver<SnapshotResponse> response) {
            response.onNext(SnapshotResponse.newBuilder().setAtSequence(0).build());
            response.onCompleted();
        }

        @Override
        public void watch(WatchRequest request, StreamObserver<WatchResponse> response) {
            watchers.add(response);
        }

        void publish(ListRecord record) {
            ChangeEvent e = ChangeEvent.newBuilder().setSequence(++sequence).setType(ChangeType.CHANGE_TYPE_CREATED)
                    .setRecord(record).setOccurredAt(Timestamp.newBuilder().setSeconds(Instant.now().getEpochSecond()))
                    .build();
            watchers.forEach(w -> w.onNext(WatchResponse.newBuilder().setChange(e).build()));
        }
    }

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        FeedStandIn feed = new FeedStandIn();
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(feed).build()
                .start();
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
        Enforcement enforcement = Fixtures.enforcement();
        enforcement.gradesConnected(true);
        enforcement.markGradesCaughtUp(); // no grade feed in this bench: only the lists feed is measured
        IndexMaintenance maintenance = new IndexMaintenance(enforcement, Fixtures.NO_REGISTRY, Fixtures.NO_STORE);
        ListsFeedSubscriber subscriber = new ListsFeedSubscriber(ListsServiceGrpc.newBlockingStub(channel),
                ListsServiceGrpc.newStub(channel), maintenance, enforcement, Duration.ofMillis(300), Duration.ofSeconds(1));
        subscriber.start();
        while (!enforcement.caughtUp() || feed.watchers.isEmpty()) {
            Thread.sleep(10);
        }
        var check = Fixtures.checkTravel(enforcement, new BenchReceipts(false));
        long[] latencies = new long[samples];
        for (int i = 0; i < samples + 100; i++) {
            String id = Synthetic.residentId(1_000_000 + i);
            TravelCheck trip = TravelCheck.of("p", credit.platform.identifiers.IdentifierScheme.RESIDENT_ID, id, null,
                    TravelMode.AIR, ServiceClass.AIR_ECONOMY, null, null, check.today());
            long t0 = System.nanoTime();
            feed.publish(ListRecord.newBuilder().setRecordId(Synthetic.recordId(1_000_000 + i))
                    .setListId("spc-dishonest-debtors").setListKind(ListKind.LIST_KIND_BLACK).setSubjectId("s" + i)
                    .setIdentifier(Identifier.newBuilder().setScheme(IdentifierScheme.IDENTIFIER_SCHEME_RESIDENT_ID)
                            .setValue(id))
                    .setIssuingAuthority("Court").setStatus(RecordStatus.RECORD_STATUS_ACTIVE)
                    .setEffectiveFrom(Timestamp.newBuilder().setSeconds(Instant.now().getEpochSecond() - 60)).build());
            while (check.check(trip, "bench").decision() != Decision.DENY) {
                Thread.onSpinWait();
            }
            if (i >= 100) {
                latencies[i - 100] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(latencies);
        System.out.printf("change-to-DENY (feed → index → check), %d samples: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                samples, latencies[samples / 2] / 1e6, latencies[(int) (samples * 0.99)] / 1e6,
                latencies[samples - 1] / 1e6);
        subscriber.stop();
        channel.shutdownNow();
        server.shutdownNow();
        System.exit(0);
    }
}
