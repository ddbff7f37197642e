package credit.platform.registry.subject.adapter.feed;

import static org.assertj.core.api.Assertions.assertThat;

import credit.platform.identifiers.Identifier;
import credit.platform.identifiers.IdentifierScheme;
import credit.platform.identifiers.SyntheticIdentifiers;
import credit.platform.registry.RegistryApplication;
import credit.platform.registry.permit.domain.PermitService;
import credit.platform.registry.relationship.domain.NewRelationship;
import credit.platform.registry.relationship.domain.RelationshipService;
import credit.platform.registry.relationship.domain.RelationshipType;
import credit.platform.registry.subject.domain.NewSubject;
import credit.platform.registry.subject.domain.Subject;
import credit.platform.registry.subject.domain.SubjectKind;
import credit.platform.registry.subject.domain.SubjectService;
import credit.platform.testsupport.FeedContract;
import credit.platform.testsupport.GrpcTestCalls;
import credit.platform.testsupport.MongoTestServer;
import credit.platform.testsupport.TestHttp;
import credit.platform.testsupport.TestTokens;
import credit.registry.v1.RegistryServiceGrpc;
import credit.registry.v1.SubjectChangeKind;
import credit.registry.v1.WatchSubjectChangesRequest;
import credit.registry.v1.WatchSubjectChangesResponse;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The feed contract of the registry's {@code WatchSubjectChanges}, with two writer replicas (two
 * application contexts on one database) and four writers in each: a consumer killed at random points
 * and resumed sees exactly the log — every sequence once, in order — and the state it rebuilds from
 * the changes equals the registry's own. A replica that dies right after each state write (its events
 * never published by it) loses nothing: the other replica's sweep publishes them.
 */
class RegistryFeedContractTest {

    static final String DATABASE = "registry-feed-contract";
    static final TestTokens TOKENS = new TestTokens();
    static final int WRITERS_PER_REPLICA = 4;
    static final int ROUNDS = 6;

    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static ManagedChannel channel;

    @BeforeAll
    static void startTwoReplicas() {
        first = replica(true);
        second = replica(true);
        int grpcPort = Integer.parseInt(first.getEnvironment().getProperty("local.grpc.server.port",
                first.getEnvironment().getProperty("spring.grpc.server.port")));
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
    }

    @AfterAll
    static void stop() {
        channel.shutdownNow();
        second.close();
        first.close();
    }

    static ConfigurableApplicationContext replica(boolean publishAfterWrite) {
        return new SpringApplicationBuilder(RegistryApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("testJwtDecoder", TOKENS.jwtDecoder()))
                .run("--spring.mongodb.uri=" + MongoTestServer.uri(DATABASE),
                        "--server.port=0",
                        "--management.server.port=0",
                        "--spring.grpc.server.port=" + TestHttp.freePort(),
                        "--spring.grpc.server.address=127.0.0.1",
                        "--credit.registry.feed.publish-after-write=" + publishAfterWrite,
                        // sweeps run only when the test says (the crash test counts on it): a start-up sweep
                        // running late on a loaded machine published the crashed replica's events itself
                        "--credit.registry.feed.sweep-initial-delay=PT1H",
                        "--credit.registry.feed.sweep-interval=1h");
    }

    static String residentId(SplittableRandom random) {
        return SyntheticIdentifiers.residentId(random, LocalDate.of(1990, 1, 1));
    }

    /** One writer's work: people, companies, a passport bound, a status change, roles recorded and ended, permits. */
    static void write(ConfigurableApplicationContext replica, int writer, int rounds) {
        SubjectService subjects = replica.getBean(SubjectService.class);
        RelationshipService relationships = replica.getBean(RelationshipService.class);
        PermitService permits = replica.getBean(PermitService.class);
        SplittableRandom random = new SplittableRandom(writer * 7919L + replica.hashCode());
        for (int i = 0; i < rounds; i++) {
            Subject person = subjects.register(new NewSubject(SubjectKind.PERSON,
                    List.of(new Identifier(IdentifierScheme.RESIDENT_ID, residentId(random), "", false)), "人" + i, "", ""),
                    "writer" + writer);
            Subject company = subjects.register(new NewSubject(SubjectKind.LEGAL_ENTITY,
                    List.of(new Identifier(IdentifierScheme.USCC, SyntheticIdentifiers.uscc(random), "", false)),
                    "公司" + i, "", ""), "writer" + writer);
            String passport = "E" + (10_000_000 + random.nextInt(89_999_999));
            person = subjects.addIdentifier(person.id(), person.version(),
                    new Identifier(IdentifierScheme.PASSPORT, passport, "CHN", false), "writer" + writer);
            var role = relationships.add(new NewRelationship(RelationshipType.LEGAL_REPRESENTATIVE, person.id(),
                    company.id(), LocalDate.of(2020, 1, 1), null, 0));
            if (i % 2 == 0) {
                relationships.end(company.id(), role.relationship().id(), LocalDate.of(2025, 12, 31));
            }
            permits.add(company.id(), new PermitService.NewPermit("food-business-licence", "市场监督管理局",
                    "JY" + writer + "-" + i, LocalDate.of(2021, 1, 1), null, null));
            if (i % 3 == 0) {
                subjects.markReviewed(company.id(), company.version(), "writer" + writer);
            }
        }
    }

    FeedContract<WatchSubjectChangesResponse> consumer(long seed) {
        var stub = RegistryServiceGrpc.newStub(channel).withCallCredentials(GrpcTestCalls.bearer(
                TOKENS.token("credit-services", "registry.read platform.internal")));
        return new FeedContract<>((after, observer) -> stub.watchSubjectChanges(WatchSubjectChangesRequest.newBuilder()
                .setFromSequence(after).setCaughtUpMarkers(true).build(), observer),
                WatchSubjectChangesResponse::getSequence, r -> !r.hasCaughtUp() && !r.hasResnapshotRequired(), seed);
    }

    @Test
    void aConsumerKilledAndResumedSeesExactlyTheLogWhileTwoReplicasWriteAndRebuildsTheRegistrysState() throws Exception {
        MongoTemplate mongo = first.getBean(MongoTemplate.class);
        RegistryFeed feed = first.getBean(RegistryFeed.class);
        long start = feed.log().head();
        ExecutorService pool = Executors.newFixedThreadPool(2 * WRITERS_PER_REPLICA);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 2 * WRITERS_PER_REPLICA; w++) {
            int writer = w;
            writers.add(pool.submit(() -> write(writer % 2 == 0 ? first : second, writer, ROUNDS)));
        }
        AtomicBoolean done = new AtomicBoolean();
        Thread watcher = Thread.ofVirtual().start(() -> {
            for (Future<?> f : writers) {
                try {
                    f.get(120, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            done.set(true);
        });
        long seed = System.nanoTime();
        var consumed = consumer(seed).consume(done::get, () -> feed.log().head(), 25, Duration.ofSeconds(120));
        watcher.join();
        for (Future<?> f : writers) {
            f.get(); // a writer's failure fails the test
        }
        pool.shutdown();

        List<Long> log = new ArrayList<>();
        mongo.getCollection(RegistryFeed.LOG).find().sort(new Document("_id", 1))
                .forEach(d -> log.add(((Number) d.get("_id")).longValue()));
        List<Long> seen = consumed.changes().stream().map(WatchSubjectChangesResponse::getSequence)
                .filter(s -> s > start).toList();
        assertThat(consumed.kills()).as("seed " + seed).isGreaterThan(3);
        assertThat(seen).as("seed " + seed + ": the consumer's changes are the log, in order, once each")
                .isEqualTo(log.stream().filter(s -> s > start).toList());
        assertThat(log).as("the log is dense").hasSize((int) (log.getLast() - log.getFirst() + 1));

        // State rebuilt from the changes = the registry's state.
        Map<String, Long> versions = new HashMap<>();
        Map<String, Integer> relationshipAnnouncements = new HashMap<>();
        List<String> permitsAnnounced = new ArrayList<>();
        for (var c : consumed.changes()) {
            if (c.getKind() == SubjectChangeKind.SUBJECT_CHANGE_KIND_SUBJECT) {
                versions.merge(c.getSubjectId(), c.getSubjectVersion(), Math::max);
            } else if (c.getKind() == SubjectChangeKind.SUBJECT_CHANGE_KIND_RELATIONSHIP) {
                relationshipAnnouncements.merge(c.getRelationshipId(), 1, Integer::sum);
            } else if (c.getKind() == SubjectChangeKind.SUBJECT_CHANGE_KIND_PERMIT) {
                permitsAnnounced.add(c.getPermitId());
            }
        }
        Map<String, Long> stored = new HashMap<>();
        mongo.getCollection(RegistryFeed.SUBJECTS).find()
                .forEach(d -> stored.put(d.getString("_id"), ((Number) d.get("version")).longValue()));
        assertThat(versions).isEqualTo(stored);
        Map<String, Integer> expectedAnnouncements = new HashMap<>();
        mongo.getCollection(RegistryFeed.RELATIONSHIPS).find()
                .forEach(d -> expectedAnnouncements.put(d.getString("_id"), d.getString("validTo") == null ? 2 : 4));
        assertThat(relationshipAnnouncements).isEqualTo(expectedAnnouncements);
        List<String> permits = new ArrayList<>();
        mongo.getCollection(RegistryFeed.PERMITS).find().forEach(d -> permits.add(d.getString("_id")));
        assertThat(permitsAnnounced).containsExactlyInAnyOrderElementsOf(permits);
    }

    @Test
    void aReplicaThatDiesRightAfterEachStateWriteLosesNothingTheOtherReplicasSweepPublishesItsEvents() {
        RegistryFeed feed = first.getBean(RegistryFeed.class);
        long before = feed.log().head();
        try (ConfigurableApplicationContext crashing = replica(false)) {
            write(crashing, 99, 2);
        }
        MongoTemplate mongo = first.getBean(MongoTemplate.class);
        long pending = mongo.getCollection(RegistryFeed.SUBJECTS).countDocuments(new Document("_outbox.eventId",
                new Document("$exists", true)));
        assertThat(pending).as("the dead replica's subjects still carry their events").isPositive();
        assertThat(feed.log().head()).as("nothing of it reached the log").isEqualTo(before);

        feed.sweep();

        // 2 rounds: 2 persons (v1, v2 passport) + 2 companies (v1, v2 reviewed once) = 7 subject events,
        // 2 roles recorded (4) + 1 ended (2), 2 permits
        List<String> kinds = new ArrayList<>();
        feed.log().readAfter(before, 1000).forEach(e -> kinds.add(String.valueOf(e.body().getString("kind"))));
        assertThat(kinds).filteredOn("SUBJECT"::equals).hasSize(7);
        assertThat(kinds).filteredOn("RELATIONSHIP"::equals).hasSize(6);
        assertThat(kinds).filteredOn("PERMIT"::equals).hasSize(2);
        assertThat(mongo.getCollection(RegistryFeed.SUBJECTS).countDocuments(new Document("_outbox.eventId",
                new Document("$exists", true)))).isZero();
    }
}
