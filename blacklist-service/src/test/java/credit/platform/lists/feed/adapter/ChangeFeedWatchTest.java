package credit.platform.lists.feed.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import credit.lists.v1.ListsServiceGrpc;
import credit.lists.v1.WatchRequest;
import credit.lists.v1.WatchResponse;
import credit.platform.lists.definition.domain.SubjectKind;
import credit.platform.lists.record.domain.Actor;
import credit.platform.identifiers.IdentifierScheme;
import credit.platform.lists.record.domain.NamedSubject;
import credit.platform.lists.record.domain.NewRecord;
import credit.platform.lists.record.domain.RecordService;
import credit.platform.lists.record.domain.SubjectIdentifier;
import credit.platform.lists.support.ListsServiceTest;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.time.Period;
import credit.platform.lists.record.domain.ListRecord;
import credit.platform.lists.feed.domain.ChangeFeed;
import credit.platform.lists.record.domain.RemovalGround;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import credit.platform.lists.ListsApplication;
import credit.platform.testsupport.FeedContract;
import credit.platform.testsupport.MongoTestServer;
import credit.platform.testsupport.TestHttp;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The test docs/architecture.md asks of a sequenced feed: concurrent writers, a consumer killed and resumed
 * mid-stream, and the consumer's set equal to the log's — in order, nothing missed, nothing twice.
 */
class ChangeFeedWatchTest extends ListsServiceTest {

    static final int WRITERS = 4;
    static final int RECORDS_PER_WRITER = 25;
    static final int KILL_AFTER = 30;

    @Autowired
    RecordService records;

    /** A second writer replica: another application context of the lists service on the same database. */
    static ConfigurableApplicationContext secondReplica;

    static synchronized ConfigurableApplicationContext secondReplica() {
        if (secondReplica == null) {
            secondReplica = new SpringApplicationBuilder(ListsApplication.class)
                    .initializers(ctx -> {
                        ctx.getBeanFactory().registerSingleton("testJwtDecoder", TOKENS.jwtDecoder());
                        ctx.getBeanFactory().registerSingleton("testClock", CLOCK);
                        ctx.getBeanFactory().registerSingleton("testServiceTokens",
                                new credit.platform.testsupport.FixedServiceTokenSource(reader()));
                    })
                    .run("--spring.mongodb.uri=" + MongoTestServer.uri("lists-test"),
                            "--server.port=0",
                        "--management.server.port=0",
                            "--spring.grpc.server.port=" + TestHttp.freePort(),
                            "--spring.grpc.server.address=127.0.0.1",
                            "--spring.grpc.client.channel.registry.target=static://127.0.0.1:" + REGISTRY.port(),
                            "--credit.lists.expiry.initial-delay=PT1H",
                            "--credit.lists.expiry.sweep-interval=PT1H",
                            "--credit.lists.applications.metric-initial-delay=PT1H",
                            "--credit.lists.feed.compaction-initial-delay=PT1H");
            Runtime.getRuntime().addShutdownHook(new Thread(secondReplica::close));
        }
        return secondReplica;
    }

    /**
     * The feed contract with two writer replicas: four writers in each of two application contexts on
     * one database create and change records while a consumer, killed at random points and resumed
     * after the last change it processed, follows the first replica. It sees exactly the log — every
     * sequence once, in order — and the record versions it rebuilds equal the service's.
     */
    @Test
    void consumerKilledAtRandomPointsSeesExactlyTheLogWhileTwoReplicasWriteAndRebuildsTheServicesState()
            throws Exception {
        RecordService other = secondReplica().getBean(RecordService.class);
        Actor court = new Actor("court-demo", "SPC", false);
        ExecutorService pool = Executors.newFixedThreadPool(2 * WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 2 * WRITERS; w++) {
            int writer = w;
            RecordService replica = w % 2 == 0 ? records : other;
            writers.add(pool.submit(() -> {
                for (int i = 0; i < 12; i++) {
                    ListRecord r = replica.create(aDebtor(writer, i), court);
                    switch (i % 4) {
                        case 0 -> replica.remove(r.listId(), r.id(), RemovalGround.PERFORMED, "paid", null, court);
                        case 1 -> replica.extend(r.listId(), r.id(), Period.ofYears(1), "serious", null, court);
                        case 2 -> replica.dispute(r.id(), "objection:" + r.id(), "ndrc-demo", "objection");
                        default -> { }
                    }
                }
            }));
        }
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread.ofVirtual().start(() -> {
            for (Future<?> f : writers) {
                try {
                    f.get(120, TimeUnit.SECONDS);
                } catch (Exception e) {
                    break;
                }
            }
            done.set(true);
        });
        var stub = ListsServiceGrpc.newStub(channel()).withCallCredentials(bearer(reader()));
        long seed = System.nanoTime();
        var consumed = new FeedContract<WatchResponse>((after, observer) -> stub.watch(WatchRequest.newBuilder()
                .setFromSequence(after).setCaughtUpMarkers(true).build(), observer),
                r -> r.getChange().getSequence(), WatchResponse::hasChange, seed)
                .consume(done::get, feed::head, 20, java.time.Duration.ofSeconds(120));
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();

        List<Long> log = new ArrayList<>();
        mongo.getCollection("change_log").find().sort(new Document("_id", 1))
                .forEach(d -> log.add(((Number) d.get("_id")).longValue()));
        assertThat(log).hasSize(2 * WRITERS * (12 + 9));
        assertThat(consumed.kills()).as("seed " + seed).isGreaterThan(3);
        assertThat(consumed.changes().stream().map(r -> r.getChange().getSequence()).toList())
                .as("seed " + seed + ": the consumer's changes are the log, in order, once each").isEqualTo(log);
        Map<String, Long> rebuilt = new HashMap<>();
        consumed.changes().forEach(r -> rebuilt.put(r.getChange().getRecord().getRecordId(),
                r.getChange().getRecord().getVersion()));
        Map<String, Long> service = new HashMap<>();
        mongo.getCollection("records").find().forEach(d -> service.put(d.getString("_id"),
                d.get("version", Number.class).longValue()));
        assertThat(rebuilt).isEqualTo(service);
    }

    /**
     * A writer replica that dies right after each state write: in a third application context on the
     * same database, four writers create records whose append to the log never happens (its change
     * feed refuses every append, as a process killed between the record's insert and the log's), while
     * four writers on this replica create and change records; then that replica is gone. Nothing is
     * lost: this replica's pending sweep ({@code publishPending}, as {@code PendingPublications} runs it)
     * appends each dead replica's change once, the log stays dense, a consumer killed and resumed sees
     * exactly the log, the versions it rebuilds equal the service's, and the records can change further.
     */
    @Test
    void aReplicaThatDiesRightAfterEachRecordWriteLosesNothingTheOtherReplicaPublishesItsChanges() throws Exception {
        Actor court = new Actor("court-demo", "SPC", false);
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        List<String> crashed = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> writers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2 * WRITERS);
        try (ConfigurableApplicationContext dying = dyingReplica(refused)) {
            RecordService dead = dying.getBean(RecordService.class);
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 6; i++) {
                        crashed.add(dead.create(aDebtor(8 + writer, i), court).id());
                    }
                }));
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 8; i++) {
                        ListRecord r = records.create(aDebtor(writer, i), court);
                        switch (i % 4) {
                            case 0 -> records.remove(r.listId(), r.id(), RemovalGround.PERFORMED, "paid", null, court);
                            case 1 -> records.extend(r.listId(), r.id(), Period.ofYears(1), "serious", null, court);
                            case 2 -> records.dispute(r.id(), "objection:" + r.id(), "ndrc-demo", "objection");
                            default -> { }
                        }
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(120, TimeUnit.SECONDS);
            }
        }
        pool.shutdown();
        assertThat(refused.get()).as("the dead replica never appended its own changes").isGreaterThanOrEqualTo(WRITERS * 6);
        assertThat(crashed).hasSize(WRITERS * 6);

        records.publishPending();

        assertThat(mongo.getCollection("records").countDocuments(new Document("pendingEventId", new Document("$exists", true))))
                .as("nothing left pending").isZero();
        List<Long> log = new ArrayList<>();
        Map<String, Integer> entriesPerRecord = new HashMap<>();
        mongo.getCollection("change_log").find().sort(new Document("_id", 1)).forEach(d -> {
            log.add(((Number) d.get("_id")).longValue());
            entriesPerRecord.merge(d.getString("recordId"), 1, Integer::sum);
        });
        assertThat(log).as("the log is dense from 1").isEqualTo(java.util.stream.LongStream.rangeClosed(1, log.size()).boxed().toList());
        assertThat(log).hasSize(WRITERS * 6 + WRITERS * (8 + 6));
        crashed.forEach(id -> assertThat(entriesPerRecord.get(id)).as("record " + id + " once in the log").isEqualTo(1));

        var stub = ListsServiceGrpc.newStub(channel()).withCallCredentials(bearer(reader()));
        long seed = System.nanoTime();
        var consumed = new FeedContract<WatchResponse>((after, observer) -> stub.watch(WatchRequest.newBuilder()
                .setFromSequence(after).setCaughtUpMarkers(true).build(), observer),
                r -> r.getChange().getSequence(), WatchResponse::hasChange, seed)
                .consume(() -> true, feed::head, 20, java.time.Duration.ofSeconds(120));
        assertThat(consumed.changes().stream().map(r -> r.getChange().getSequence()).toList())
                .as("seed " + seed + ": the consumer's changes are the log, in order, once each").isEqualTo(log);
        Map<String, Long> rebuilt = new HashMap<>();
        consumed.changes().forEach(r -> rebuilt.put(r.getChange().getRecord().getRecordId(),
                r.getChange().getRecord().getVersion()));
        Map<String, Long> service = new HashMap<>();
        mongo.getCollection("records").find().forEach(d -> service.put(d.getString("_id"),
                d.get("version", Number.class).longValue()));
        assertThat(rebuilt).isEqualTo(service);

        ListRecord first = records.get(crashed.getFirst());
        ListRecord removed = records.remove(first.listId(), first.id(), RemovalGround.PERFORMED, "paid", null, court);
        assertThat(removed.version()).isEqualTo(2);
        assertThat(feed.head()).as("a dead replica's record changes further, through the feed").isEqualTo(log.size() + 1L);
    }

    /**
     * A lists replica whose change feed refuses every append: it stores records, and then "dies" before
     * each append (the record keeps its event pending, as after a kill between the two writes).
     */
    static ConfigurableApplicationContext dyingReplica(java.util.concurrent.atomic.AtomicInteger refused) {
        return new SpringApplicationBuilder(ListsApplication.class)
                .initializers(ctx -> {
                    ctx.getBeanFactory().registerSingleton("testJwtDecoder", TOKENS.jwtDecoder());
                    ctx.getBeanFactory().registerSingleton("testClock", CLOCK);
                    ctx.getBeanFactory().registerSingleton("testServiceTokens",
                            new credit.platform.testsupport.FixedServiceTokenSource(reader()));
                    var beans = ctx.getBeanFactory();
                    beans.addBeanPostProcessor(new org.springframework.beans.factory.config.BeanPostProcessor() {
                        @Override
                        public Object postProcessAfterInitialization(Object bean, String name) {
                            if (!(bean instanceof ChangeFeed)) {
                                return bean;
                            }
                            return new ChangeFeed(beans.getBean(credit.platform.lists.feed.domain.ChangeLogStore.class),
                                    beans.getBean(credit.platform.lists.record.domain.RecordRepository.class)) {
                                @Override
                                public long append(credit.platform.lists.record.domain.RecordChange change) {
                                    refused.incrementAndGet();
                                    throw new IllegalStateException("replica killed between the record and the log");
                                }
                            };
                        }
                    });
                })
                .run("--spring.mongodb.uri=" + MongoTestServer.uri("lists-test"),
                        "--server.port=0",
                        "--management.server.port=0",
                        "--spring.grpc.server.port=" + TestHttp.freePort(),
                        "--spring.grpc.server.address=127.0.0.1",
                        "--spring.grpc.client.channel.registry.target=static://127.0.0.1:" + REGISTRY.port(),
                        "--credit.lists.expiry.initial-delay=PT1H",
                        "--credit.lists.expiry.sweep-interval=PT1H",
                        "--credit.lists.applications.metric-initial-delay=PT1H",
                        "--credit.lists.feed.compaction-initial-delay=PT1H");
    }

    /**
     * The consumer's job (sanctions builds its index like this): Snapshot, then Watch from its sequence,
     * killed mid-way and resumed from its last sequence while writers create, remove, extend and dispute
     * records. Its reconstructed set — record id → version — equals the service's effective set.
     */
    @Test
    void consumerRebuildingFromSnapshotAndResumedWatchEndsWithTheServicesEffectiveSetWhileRecordsChange() throws Exception {
        Actor court = new Actor("court-demo", "SPC", false);
        for (int i = 0; i < 10; i++) {
            records.create(aDebtor(9, i), court);
        }
        Map<String, Long> consumer = new HashMap<>();
        var snapshot = ListsServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(reader()))
                .snapshot(credit.lists.v1.SnapshotRequest.getDefaultInstance());
        long at = 0;
        while (snapshot.hasNext()) {
            var item = snapshot.next();
            if (item.hasRecord()) {
                consumer.put(item.getRecord().getRecordId(), item.getRecord().getVersion());
            } else {
                at = item.getAtSequence();
            }
        }
        assertThat(consumer).hasSize(10);

        Session first = watch(at, KILL_AFTER);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                for (int i = 0; i < 12; i++) {
                    ListRecord r = records.create(aDebtor(writer, i), court);
                    switch (i % 4) {
                        case 0 -> records.remove(r.listId(), r.id(), RemovalGround.PERFORMED, "paid", null, court);
                        case 1 -> records.extend(r.listId(), r.id(), Period.ofYears(1), "serious", null, court);
                        case 2 -> records.dispute(r.id(), "objection:" + r.id(), "ndrc-demo", "objection");
                        default -> { }
                    }
                }
            }));
        }
        assertThat(first.ended.await(30, TimeUnit.SECONDS)).as("first consumer reached its kill point").isTrue();
        Session second = watch(first.lastSequence(), Integer.MAX_VALUE);
        for (Future<?> writer : writers) {
            writer.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        long last = mongo.getCollection("change_log").find().sort(new Document("_id", -1)).first().get("_id", Number.class).longValue();
        second.awaitSequence(last, 30);
        second.call.cancel("test done", null);

        List<credit.lists.v1.ChangeEvent> seen = new ArrayList<>(first.changes);
        seen.addAll(second.changes);
        assertThat(seen.stream().map(credit.lists.v1.ChangeEvent::getSequence).toList()).isSorted().doesNotHaveDuplicates();
        for (var change : seen) {
            var status = change.getRecord().getStatus();
            boolean inForce = status == credit.lists.v1.RecordStatus.RECORD_STATUS_ACTIVE
                    || status == credit.lists.v1.RecordStatus.RECORD_STATUS_DISPUTED
                    || status == credit.lists.v1.RecordStatus.RECORD_STATUS_EXTENDED;
            if (inForce) {
                consumer.put(change.getRecord().getRecordId(), change.getRecord().getVersion());
            } else {
                consumer.remove(change.getRecord().getRecordId());
            }
        }
        Map<String, Long> service = new HashMap<>();
        mongo.getCollection("records").find().forEach(d -> {
            if (List.of("ACTIVE", "DISPUTED", "EXTENDED").contains(d.getString("status"))) {
                service.put(d.getString("_id"), d.get("version", Number.class).longValue());
            }
        });
        assertThat(service).hasSize(10 + WRITERS * 9);
        assertThat(consumer).isEqualTo(service);
    }

    @Autowired
    ChangeFeed feed;

    /**
     * Compaction keeps each record's latest entry below the horizon: a watcher behind it is told to
     * re-snapshot, one at the horizon resumes, and a snapshot is still complete.
     */
    @Test
    void afterCompactionAWatcherBehindTheHorizonIsToldToResnapshotAndTheSnapshotIsStillComplete() {
        Actor court = new Actor("court-demo", "SPC", false);
        ListRecord a = records.create(aDebtor(0, 1), court);
        ListRecord b = records.create(aDebtor(0, 2), court);
        long beforeRemoval = feed.head();
        records.remove(a.listId(), a.id(), RemovalGround.PERFORMED, "paid", null, court);
        records.extend(b.listId(), b.id(), Period.ofYears(1), "serious", null, court);
        CLOCK.advance(java.time.Duration.ofDays(40));
        ListRecord c = records.create(aDebtor(0, 3), court);
        long horizon = feed.head();

        assertThat(feed.compact(CLOCK.instant().minus(java.time.Duration.ofDays(30)))).as("the CREATED entries of a and b").isEqualTo(2);

        var grpc = ListsServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(reader()))
                .withDeadlineAfter(5, TimeUnit.SECONDS);
        var behind = grpc.watch(WatchRequest.newBuilder().setFromSequence(beforeRemoval).build());
        assertThat(behind.next().hasResnapshotRequired()).isTrue();
        var atHorizon = grpc.watch(WatchRequest.newBuilder().setFromSequence(horizon - 1).build());
        assertThat(atHorizon.next().getChange().getRecord().getRecordId()).isEqualTo(c.id());

        List<String> snapshot = new ArrayList<>();
        ListsServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(reader()))
                .snapshot(credit.lists.v1.SnapshotRequest.getDefaultInstance())
                .forEachRemaining(item -> {
                    if (item.hasRecord()) {
                        snapshot.add(item.getRecord().getRecordId() + "@" + item.getRecord().getVersion());
                    }
                });
        assertThat(snapshot).containsExactlyInAnyOrder(b.id() + "@2", c.id() + "@1");
        assertThat(count("change_log")).isEqualTo(3);
    }

    /** A Watch consumer that processes each change, and kills its own stream after {@code killAfter}. */
    Session watch(long from, int killAfter) {
        Session session = new Session();
        ListsServiceGrpc.newStub(channel()).withCallCredentials(bearer(reader()))
                .watch(WatchRequest.newBuilder().setFromSequence(from).build(), new ClientResponseObserver<WatchRequest, WatchResponse>() {
                    @Override
                    public void beforeStart(ClientCallStreamObserver<WatchRequest> call) {
                        session.call = call;
                    }

                    @Override
                    public void onNext(WatchResponse response) {
                        if (session.received.size() >= killAfter) {
                            return; // killed: a dead consumer processes nothing more
                        }
                        var change = response.getChange();
                        session.changes.add(change);
                        session.received.add(change.getSequence() + "/" + change.getRecord().getRecordId());
                        if (session.received.size() == killAfter) {
                            session.call.cancel("consumer killed", null);
                            session.ended.countDown();
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                        session.ended.countDown();
                    }

                    @Override
                    public void onCompleted() {
                        session.ended.countDown();
                    }
                });
        return session;
    }

    static NewRecord aDebtor(int writer, int i) {
        String id = "110105" + "1980" + String.format("%02d%02d", writer + 1, i % 28 + 1) + String.format("%03d", i) + "X";
        return new NewRecord("spc-dishonest-debtors",
                new NamedSubject(SubjectKind.PERSON, new SubjectIdentifier(IdentifierScheme.RESIDENT_ID, id, ""), "债务人"),
                "(2026)京0105执" + writer + "-" + i + "号", "拒不履行", "facts", LocalDate.of(2026, 11, 1), null, false, null);
    }

    static final class Session {
        final List<String> received = Collections.synchronizedList(new ArrayList<>());
        final List<credit.lists.v1.ChangeEvent> changes = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch ended = new CountDownLatch(1);
        volatile ClientCallStreamObserver<WatchRequest> call;

        long lastSequence() {
            return Long.parseLong(received.getLast().split("/")[0]);
        }

        void awaitSequence(long sequence, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                if (!received.isEmpty() && lastSequence() >= sequence) {
                    return;
                }
                Thread.sleep(20);
            }
            throw new AssertionError("consumer did not reach sequence " + sequence + "; has " + received.size());
        }
    }
}
