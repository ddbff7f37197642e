package credit.platform.scoring.score.adapter.feed;

import static org.assertj.core.api.Assertions.assertThat;

import credit.platform.scoring.ScoringApplication;
import credit.platform.scoring.score.domain.ListKind;
import credit.platform.scoring.score.domain.ListRecordFact;
import credit.platform.scoring.score.domain.PermitSource;
import credit.platform.scoring.score.domain.RecordSource;
import credit.platform.scoring.score.domain.RelationshipSource;
import credit.platform.scoring.score.domain.ScoreSubject;
import credit.platform.scoring.score.domain.SubjectDirectory;
import credit.platform.scoring.score.domain.SubjectKind;
import credit.platform.testsupport.FeedContract;
import credit.platform.testsupport.GrpcTestCalls;
import credit.platform.testsupport.MongoTestServer;
import credit.platform.testsupport.TestHttp;
import credit.platform.testsupport.TestTokens;
import credit.scoring.v1.ScoringServiceGrpc;
import credit.scoring.v1.SnapshotGradesRequest;
import credit.scoring.v1.WatchGradeChangesRequest;
import credit.scoring.v1.WatchGradeChangesResponse;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The feed contract of {@code WatchGradeChanges}, with two writer replicas (two application contexts
 * on one database) and four writers in each recomputing the same few companies while their records
 * change: a consumer killed at random points and resumed sees exactly the log, each company's grade
 * changes form one chain (each starts from the grade the previous one ended at: no change twice, none
 * lost), and the grades rebuilt from them equal the service's. A replica that dies right after each
 * grade move loses nothing: the other's sweep publishes its changes.
 */
class GradeFeedContractTest {

    static final String DATABASE = "grade-feed-contract";
    static final TestTokens TOKENS = new TestTokens();
    static final List<String> COMPANIES = List.of("c1", "c2", "c3", "c4", "c5", "c6");
    /** Each company's records in force: the facts both replicas score from (the lists service, faked). */
    static final Map<String, List<ListRecordFact>> RECORDS = new ConcurrentHashMap<>();

    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static ManagedChannel channel;
    static int grpcPort;

    /** Registry and lists as the in-memory facts above. */
    @Configuration(proxyBeanMethods = false)
    static class Sources {
        @Bean
        @Primary
        SubjectDirectory contractSubjects() {
            return subjectId -> SubjectKind.LEGAL_ENTITY;
        }

        @Bean
        @Primary
        RecordSource contractRecords() {
            return new RecordSource() {
                @Override
                public List<ListRecordFact> effectiveRecords(String subjectId) {
                    return RECORDS.getOrDefault(subjectId, List.of());
                }

                @Override
                public SortedSet<String> subjectsWithRecords() {
                    return new TreeSet<>(RECORDS.keySet());
                }
            };
        }

        @Bean
        @Primary
        RelationshipSource contractRelationships() {
            return (subjectId, via, at) -> List.of();
        }

        @Bean
        @Primary
        PermitSource contractPermits() {
            return PermitSource.NONE;
        }
    }

    @BeforeAll
    static void startTwoReplicas() {
        grpcPort = TestHttp.freePort();
        first = replica(true, grpcPort);
        second = replica(true, TestHttp.freePort());
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
    }

    @AfterAll
    static void stop() {
        channel.shutdownNow();
        second.close();
        first.close();
    }

    static ConfigurableApplicationContext replica(boolean publishAfterWrite, int port) {
        return new SpringApplicationBuilder(ScoringApplication.class, Sources.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("testJwtDecoder", TOKENS.jwtDecoder()))
                .run("--spring.mongodb.uri=" + MongoTestServer.uri(DATABASE),
                        "--server.port=0",
                        "--management.server.port=0",
                        "--spring.grpc.server.port=" + port,
                        "--spring.grpc.server.address=127.0.0.1",
                        "--credit.scoring.follow-changes=false",
                        "--credit.scoring.time-driven.interval=0",
                        "--credit.scoring.feed.publish-after-write=" + publishAfterWrite,
                        // sweeps run only when the test says (the crash test counts on it): a start-up sweep
                        // running late on a loaded machine published the crashed replica's grade changes itself
                        "--credit.scoring.feed.sweep-initial-delay=PT1H",
                        "--credit.scoring.feed.sweep-interval=1h");
    }

    static ListRecordFact debt(String id) {
        return new ListRecordFact(id, "spc-dishonest-debtors", ListKind.BLACK, "SPC",
                Instant.parse("2025-01-01T00:00:00Z"), null);
    }

    /** One writer: change a company's records (0 to 3 debts), then recompute it — many times. */
    static void write(ConfigurableApplicationContext replica, int writer, int rounds) {
        ScoreSubject scores = replica.getBean(ScoreSubject.class);
        Random random = new Random(writer);
        for (int i = 0; i < rounds; i++) {
            String company = COMPANIES.get(random.nextInt(COMPANIES.size()));
            int debts = random.nextInt(4);
            List<ListRecordFact> facts = new ArrayList<>();
            for (int d = 0; d < debts; d++) {
                facts.add(debt(company + "-debt-" + d));
            }
            RECORDS.put(company, List.copyOf(facts));
            scores.recompute(company, "writer " + writer + " round " + i);
        }
    }

    @Test
    void aConsumerKilledAndResumedSeesExactlyTheLogAndOneChainOfGradesPerCompanyWhileTwoReplicasRecompute()
            throws Exception {
        GradeFeed feed = first.getBean(GradeFeed.class);
        long start = feed.log().head();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int writer = w;
            writers.add(pool.submit(() -> write(writer % 2 == 0 ? first : second, writer, 40)));
        }
        AtomicBoolean done = new AtomicBoolean();
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
        var stub = ScoringServiceGrpc.newStub(channel).withCallCredentials(GrpcTestCalls.bearer(
                TOKENS.token("credit-services", "scoring.read platform.internal")));
        long seed = System.nanoTime();
        var consumed = new FeedContract<WatchGradeChangesResponse>((after, observer) -> stub.watchGradeChanges(
                WatchGradeChangesRequest.newBuilder().setFromSequence(after).setCaughtUpMarkers(true).build(), observer),
                WatchGradeChangesResponse::getSequence, r -> !r.hasCaughtUp() && !r.hasResnapshotRequired(), seed)
                .consume(done::get, () -> feed.log().head(), 15, Duration.ofSeconds(120));
        for (Future<?> f : writers) {
            f.get();
        }
        pool.shutdown();

        MongoTemplate mongo = first.getBean(MongoTemplate.class);
        List<Long> log = new ArrayList<>();
        mongo.getCollection(GradeFeed.LOG).find(new Document("_id", new Document("$gt", start)))
                .sort(new Document("_id", 1)).forEach(d -> log.add(((Number) d.get("_id")).longValue()));
        List<WatchGradeChangesResponse> changes = consumed.changes().stream().filter(c -> c.getSequence() > start).toList();
        assertThat(changes).as("seed " + seed).isNotEmpty();
        assertThat(changes.stream().map(WatchGradeChangesResponse::getSequence).toList())
                .as("seed " + seed + ": the consumer's changes are the log, in order, once each").isEqualTo(log);

        Map<String, String> grades = new HashMap<>();
        for (var c : changes) {
            String before = grades.getOrDefault(c.getSubjectId(), "");
            assertThat(c.getPreviousGrade()).as("change %d of %s starts where the last ended", c.getSequence(),
                    c.getSubjectId()).isEqualTo(before);
            assertThat(c.getGrade()).isNotEqualTo(c.getPreviousGrade());
            grades.put(c.getSubjectId(), c.getGrade());
        }
        Map<String, String> stored = new HashMap<>();
        mongo.getCollection(GradeFeed.CURRENT).find().forEach(d -> stored.put(d.getString("subjectId"), d.getString("grade")));
        assertThat(grades).as("grades rebuilt from the feed = the service's").isEqualTo(stored);

        // The snapshot agrees with the feed at its sequence.
        Map<String, String> snapshot = new HashMap<>();
        ScoringServiceGrpc.newBlockingStub(channel).withCallCredentials(GrpcTestCalls.bearer(
                TOKENS.token("credit-services", "scoring.read platform.internal"))).snapshotGrades(SnapshotGradesRequest.getDefaultInstance())
                .forEachRemaining(item -> {
                    if (item.hasGrade()) {
                        snapshot.put(item.getGrade().getSubjectId(), item.getGrade().getGrade());
                    }
                });
        assertThat(snapshot).isEqualTo(stored);
    }

    @Test
    void aReplicaThatDiesRightAfterEachGradeMoveLosesNothingTheOtherReplicasSweepPublishesItsChanges() {
        GradeFeed feed = first.getBean(GradeFeed.class);
        MongoTemplate mongo = first.getBean(MongoTemplate.class);
        long before = feed.log().head();
        try (ConfigurableApplicationContext crashing = replica(false, TestHttp.freePort())) {
            ScoreSubject scores = crashing.getBean(ScoreSubject.class);
            RECORDS.put("crash-1", List.of(debt("x1"), debt("x2"), debt("x3")));
            scores.recompute("crash-1", "crash test");
            RECORDS.put("crash-1", List.of());
            scores.recompute("crash-1", "crash test");
        }
        assertThat(feed.log().head()).as("nothing of it reached the log").isEqualTo(before);
        Document state = mongo.getCollection(GradeFeed.CURRENT).find(new Document("subjectId", "crash-1")).first();
        assertThat(state.getList("_outbox", Document.class)).as("both changes wait in the document").hasSize(2);

        feed.sweep();

        List<String> chain = new ArrayList<>();
        feed.log().readAfter(before, 10).forEach(e -> chain.add(e.body().getString("previousGrade") + "->"
                + e.body().getString("grade")));
        assertThat(chain).hasSize(2);
        assertThat(chain.get(0)).startsWith("->");
        assertThat(chain.get(1)).startsWith(chain.get(0).substring(2) + "->");
    }
}
