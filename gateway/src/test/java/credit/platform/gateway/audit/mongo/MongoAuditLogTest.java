package credit.platform.gateway.audit.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import credit.platform.gateway.audit.domain.AuditChain;
import credit.platform.gateway.audit.domain.AuditEntry;
import credit.platform.gateway.audit.domain.AuditUnavailableException;
import credit.platform.gateway.audit.domain.ChainKeys;
import credit.platform.testsupport.MongoTestServer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** The chain in MongoDB: concurrent appenders (two replicas), a crash between the writes, tampering. */
class MongoAuditLogTest {

    MongoClient client;
    ReactiveMongoTemplate mongo;
    MongoAuditLog log;

    @BeforeEach
    void freshDatabase() {
        String db = "audit-" + UUID.randomUUID();
        client = MongoClients.create(MongoTestServer.uri(db).replace("/" + db, ""));
        mongo = new ReactiveMongoTemplate(client, db);
        log = newLog();
    }

    static final ChainKeys KEYS = new ChainKeys(java.util.Map.of("k1", "the-audit-chain-key-of-the-gateway-001"), "k1");

    /** Generous bounds: a loaded test machine must not refuse appends here. */
    MongoAuditLog newLog() {
        return new MongoAuditLog(mongo, KEYS, 10_000, Duration.ofSeconds(60), Duration.ofSeconds(30));
    }

    @AfterEach
    void close() {
        client.close();
    }

    static AuditEntry.Draft draft(int i) {
        return new AuditEntry.Draft(Instant.parse("2026-01-01T00:00:00Z").plusMillis(i), "client-" + (i % 3),
                "SPC", "ENFORCEMENT", List.of("subject:s" + i), "GET", "GET /api/v1/subjects/**", 200);
    }

    @Test
    void concurrentAppendersOfTwoReplicasBuildOneUnbrokenChain() {
        MongoAuditLog otherReplica = newLog();
        int n = 120;
        List<AuditEntry> appended = Flux.range(0, n)
                .flatMap(i -> (i % 2 == 0 ? log : otherReplica).append(draft(i)).subscribeOn(Schedulers.parallel()), 32)
                .collectList().block(Duration.ofSeconds(60));

        assertThat(appended).hasSize(n);
        assertThat(appended.stream().map(AuditEntry::sequence).sorted().toList())
                .isEqualTo(IntStream.rangeClosed(1, n).mapToObj(Long::valueOf).toList());
        assertThat(log.verify().block()).isEqualTo(new AuditChain.Verdict(true, n, 0, null));
        Document head = mongo.findById("head", Document.class, MongoAuditLog.HEAD).block();
        assertThat(((Number) head.get("seq")).longValue()).isEqualTo(n);
    }

    @Test
    void aCrashBetweenTheEntryAndTheHeadUpdateIsHealedByTheNextAppend() {
        log.append(draft(1)).block();
        log.append(draft(2)).block();
        // a replica stored entry 3 and died before moving the head
        String hashOfTwo = mongo.findById(2L, Document.class, MongoAuditLog.ENTRIES).block().getString("hash");
        AuditEntry orphan = draft(3).chainedAfter(3, hashOfTwo, KEYS);
        mongo.insert(MongoAuditLog.toDocument(orphan), MongoAuditLog.ENTRIES).block();

        AuditEntry next = log.append(draft(4)).block();

        assertThat(next.sequence()).isEqualTo(4);
        assertThat(next.previousHash()).isEqualTo(orphan.hash());
        assertThat(log.verify().block().intact()).isTrue();
    }

    @Test
    void alteringAStoredEntryIsDetected() {
        appendFive();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(3L)), Update.update("purpose", "LICENSING"),
                MongoAuditLog.ENTRIES).block();

        AuditChain.Verdict verdict = log.verify().block();
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.firstBrokenSequence()).isEqualTo(3);
    }

    @Test
    void deletingAStoredEntryIsDetectedInTheMiddleAndAtTheEnd() {
        appendFive();
        mongo.remove(Query.query(Criteria.where("_id").is(5L)), MongoAuditLog.ENTRIES).block();
        assertThat(log.verify().block().firstBrokenSequence()).isEqualTo(5);

        mongo.remove(Query.query(Criteria.where("_id").is(2L)), MongoAuditLog.ENTRIES).block();
        AuditChain.Verdict verdict = log.verify().block();
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.firstBrokenSequence()).isEqualTo(2);
    }

    @Test
    void reorderingStoredEntriesIsDetected() {
        appendFive();
        // swap the contents of entries 2 and 3, each keeping the other's sequence
        List<Document> docs = mongo.find(new Query().with(Sort.by("_id")), Document.class, MongoAuditLog.ENTRIES)
                .collectList().block();
        Document two = new Document(docs.get(1));
        Document three = new Document(docs.get(2));
        two.put("_id", 3L);
        three.put("_id", 2L);
        mongo.remove(Query.query(Criteria.where("_id").in(2L, 3L)), MongoAuditLog.ENTRIES).block();
        mongo.insert(List.of(two, three), MongoAuditLog.ENTRIES).collectList().block();

        AuditChain.Verdict verdict = log.verify().block();
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.firstBrokenSequence()).isEqualTo(2);
    }

    @Test
    void aSubjectsEntriesAreFoundNewestFirst() {
        appendFive();
        log.append(new AuditEntry.Draft(Instant.parse("2026-02-01T00:00:00Z"), "samr-demo", "SAMR", "SUPERVISION",
                List.of("subject:s2"), "GET", "GET /api/v1/scores/**", 200)).block();

        assertThat(log.touching(List.of("subject:s2"), 10).map(AuditEntry::clientId).collectList().block())
                .containsExactly("samr-demo", "client-2");
        assertThat(log.touching(List.of("subject:nobody"), 10).collectList().block()).isEmpty();
    }

    @Test
    void aFullQueueIsRefusedAtOnceAndNothingWaitsWithoutBound() {
        // a store that never answers: the first write hangs (until its timeout), the rest wait in line
        MongoClient unreachable = MongoClients.create("mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=60000");
        try {
            MongoAuditLog stuck = new MongoAuditLog(new ReactiveMongoTemplate(unreachable, "audit"), KEYS, 2,
                    Duration.ofSeconds(60), Duration.ofSeconds(60));
            for (int i = 0; i < 3; i++) {
                stuck.append(draft(i)).subscribe(e -> { }, e -> { });
            }
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> stuck.append(draft(9)).block(Duration.ofSeconds(30)))
                    .isInstanceOf(AuditUnavailableException.class).hasMessageContaining("queue is full");
        } finally {
            unreachable.close();
        }
    }

    @Test
    void anEntryThatWaitedTooLongIsRefusedAndNeverWrittenLater() throws Exception {
        java.util.concurrent.CountDownLatch firstMayProceed = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        MongoAuditLog slowStart = new MongoAuditLog(mongo, KEYS, 100, Duration.ofMillis(200), Duration.ofSeconds(30)) {
            @Override
            reactor.core.publisher.Mono<AuditEntry> appendNow(AuditEntry.Draft d) {
                if (calls.getAndIncrement() == 0) {
                    return reactor.core.publisher.Mono.fromCallable(() -> {
                        firstMayProceed.await();
                        return true;
                    }).subscribeOn(Schedulers.boundedElastic()).then(super.appendNow(d));
                }
                return super.appendNow(d);
            }
        };
        var first = slowStart.append(draft(1)).toFuture();
        // the second waits behind the stalled first longer than allowed: refused, and dropped
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> slowStart.append(draft(2)).block(Duration.ofSeconds(30)))
                .isInstanceOf(AuditUnavailableException.class).hasMessageContaining("waited too long");
        firstMayProceed.countDown();
        assertThat(first.get(30, java.util.concurrent.TimeUnit.SECONDS).sequence()).isEqualTo(1);
        AuditEntry third = slowStart.append(draft(3)).block(Duration.ofSeconds(30));

        assertThat(third.sequence()).isEqualTo(2);
        assertThat(mongo.find(new Query(), Document.class, MongoAuditLog.ENTRIES).map(d -> d.getString("clientId"))
                .collectList().block()).containsExactlyInAnyOrder(draft(1).clientId(), draft(3).clientId());
        assertThat(calls.get()).as("the refused draft was never handed to the store").isEqualTo(2);
    }

    @Test
    void aCutTailIsCaughtByThisGatewaysOwnNewestEntryEvenBeforeAHeadIsPublished() {
        appendFive();
        String hashOfFour = mongo.findById(4L, Document.class, MongoAuditLog.ENTRIES).block().getString("hash");
        mongo.remove(Query.query(Criteria.where("_id").is(5L)), MongoAuditLog.ENTRIES).block();
        mongo.updateFirst(Query.query(Criteria.where("_id").is("head")), Update.update("seq", 4L).set("hash", hashOfFour),
                MongoAuditLog.HEAD).block();

        assertThat(newLog().verify().block().intact()).as("another replica, which did not append 5").isTrue();
        AuditChain.Verdict verdict = log.verify().block();
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.firstBrokenSequence()).isEqualTo(5);
    }

    @Test
    void entriesAreStoredWithTheirKeyIdAndAnEntryForgedWithoutTheKeyIsDetected() {
        appendFive();
        Document three = mongo.findById(3L, Document.class, MongoAuditLog.ENTRIES).block();
        assertThat(three.getString("keyId")).isEqualTo("k1");
        // a writer with database access but not the key re-chains entry 3 with a key of its own
        ChainKeys forger = new ChainKeys(java.util.Map.of("k1", "a-forgers-key-that-is-not-the-gateways"), "k1");
        AuditEntry forged = new AuditEntry.Draft(three.getDate("time").toInstant(), "nobody", null, "LICENSING",
                List.of(), "GET", "GET /api/v1/subjects/{subjectId}/**", 200)
                .chainedAfter(3, three.getString("previousHash"), forger);
        mongo.remove(Query.query(Criteria.where("_id").is(3L)), MongoAuditLog.ENTRIES).block();
        mongo.insert(MongoAuditLog.toDocument(forged), MongoAuditLog.ENTRIES).block();

        AuditChain.Verdict verdict = newLog().verify().block();
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.firstBrokenSequence()).isEqualTo(3);
    }

    private void appendFive() {
        for (int i = 1; i <= 5; i++) {
            log.append(draft(i)).block();
        }
        assertThat(log.verify().block().intact()).isTrue();
    }
}
