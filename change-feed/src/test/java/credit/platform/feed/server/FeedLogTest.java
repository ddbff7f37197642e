package credit.platform.feed.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The log and the outbox against the embedded MongoDB-protocol server, with two "replicas" (two
 * clients, two {@link FeedLog}s on one database) writing at once.
 */
class FeedLogTest {

    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    MongoServer server;
    MongoClient first;
    MongoClient second;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        String uri = "mongodb://127.0.0.1:" + server.bind().getPort();
        first = MongoClients.create(uri);
        second = MongoClients.create(uri);
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
        server.shutdownNow();
    }

    FeedLog logOf(MongoClient client) {
        return new FeedLog(client.getDatabase("feed"), "log", "key", FeedLog.Compaction.KEEP_LATEST_PER_KEY);
    }

    @Test
    void twoReplicasWithFourWritersEachAppendADenseLogThatAReaderFollowsWithoutGapsWhileItIsWritten() throws Exception {
        FeedLog a = logOf(first);
        FeedLog b = logOf(second);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicBoolean done = new AtomicBoolean();
        List<Long> read = new ArrayList<>();
        Future<?> reader = Executors.newSingleThreadExecutor().submit(() -> {
            long after = 0;
            while (!done.get() || after < a.head()) {
                for (FeedEntry e : a.readAfter(after, 37)) {
                    read.add(e.sequence());
                    after = e.sequence();
                }
            }
        });
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            FeedLog log = w % 2 == 0 ? a : b;
            int writer = w;
            writers.add(pool.submit(() -> {
                for (int i = 0; i < 60; i++) {
                    log.append(new PendingEvent("w" + writer + "-" + i, "k" + writer, T0, new Document("i", i)));
                }
            }));
        }
        for (Future<?> f : writers) {
            f.get(60, TimeUnit.SECONDS);
        }
        done.set(true);
        reader.get(60, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(a.head()).isEqualTo(480);
        List<Long> expected = new ArrayList<>();
        for (long s = 1; s <= 480; s++) {
            expected.add(s);
        }
        assertThat(read).as("read while written: every sequence once, in order").isEqualTo(expected);
        // each writer's own events are in its order
        Map<String, Integer> lastOfWriter = new HashMap<>();
        for (FeedEntry e : a.readAfter(0, 1000)) {
            int i = e.body().getInteger("i");
            Integer before = lastOfWriter.put(e.key(), i);
            assertThat(before == null ? -1 : before).isLessThan(i);
        }
    }

    @Test
    void anEventIsAppendedOnceHoweverOftenAndByWhomeverItIsPublished() {
        FeedLog a = logOf(first);
        FeedLog b = logOf(second);
        PendingEvent e = new PendingEvent("e1", "k", T0, new Document("x", 1));
        long s1 = a.append(e);
        long s2 = b.append(e);
        long s3 = a.append(e);
        assertThat(List.of(s1, s2, s3)).containsOnly(1L);
        assertThat(a.head()).isEqualTo(1);
        assertThat(b.append(new PendingEvent("e2", "k", T0, null))).isEqualTo(2);
    }

    @Test
    void aCrashBetweenTheStateWriteAndTheAppendIsRepairedByThePublishSweepInOrder() {
        MongoCollection<Document> things = first.getDatabase("feed").getCollection("things");
        FeedLog log = logOf(first);
        Outbox outbox = new Outbox(log, things);
        // Two changes of one aggregate written with their events; the process "dies" before publishing.
        things.insertOne(new Document("_id", "t1").append("v", 1)
                .append(Outbox.PENDING, Outbox.pending(new PendingEvent("t1:1", "t1", T0, new Document("v", 1)))));
        things.updateOne(Filters.eq("_id", "t1"), Updates.combine(Updates.set("v", 2),
                Outbox.push(new PendingEvent("t1:2", "t1", T0, new Document("v", 2)))));
        assertThat(log.head()).isZero();

        // Another replica's sweep publishes them, oldest first; a second sweep finds nothing.
        Outbox other = new Outbox(logOf(second), second.getDatabase("feed").getCollection("things"));
        assertThat(other.publishAll()).isEqualTo(1);
        assertThat(outbox.publishAll()).isZero();
        assertThat(log.readAfter(0, 10)).extracting(FeedEntry::eventId).containsExactly("t1:1", "t1:2");
        Document stored = things.find(Filters.eq("_id", "t1")).first();
        assertThat(Outbox.pendingOf(stored)).isEmpty();
        assertThat(Outbox.publishedAt(stored)).contains(2L);
    }

    @Test
    void aSnapshotAsAtASequenceTakesChangedOrPendingDocumentsFromTheLog() {
        MongoCollection<Document> things = first.getDatabase("feed").getCollection("things");
        FeedLog log = logOf(first);
        Outbox outbox = new Outbox(log, things);
        for (String id : List.of("a", "b")) {
            things.insertOne(new Document("_id", id).append("v", 1)
                    .append(Outbox.PENDING, Outbox.pending(new PendingEvent(id + ":1", id, T0, new Document("v", 1)))));
            outbox.publish(things, id);
        }
        long at = log.head();
        // a changes and is published after the snapshot's sequence; b changes and stays pending.
        for (String id : List.of("a", "b")) {
            things.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("v", 2),
                    Outbox.push(new PendingEvent(id + ":2", id, T0, new Document("v", 2)))));
        }
        outbox.publish(things, "a");

        Map<String, Integer> snapshot = new HashMap<>();
        Outbox.snapshot(log, things, at, d -> Optional.of(Map.entry(d.getString("_id"), d.getInteger("v"))),
                e -> Optional.of(Map.entry(e.key(), e.body().getInteger("v"))), d -> d.getString("_id"),
                item -> snapshot.put(item.getKey(), item.getValue()));
        assertThat(snapshot).isEqualTo(Map.of("a", 1, "b", 1));
    }

    @Test
    void compactionKeepsEachKeysLatestEntryBelowTheHorizonAndNeverTheHeadAway() {
        FeedLog log = logOf(first);
        log.append(new PendingEvent("a1", "a", T0, null));
        log.append(new PendingEvent("b1", "b", T0, null));
        log.append(new PendingEvent("a2", "a", T0, null));
        log.append(new PendingEvent("c1", "c", T0.plus(Duration.ofDays(40)), null));

        assertThat(log.compact(T0.plus(Duration.ofDays(30)))).as("a1 only").isEqualTo(1);
        assertThat(log.horizon()).isEqualTo(4);
        assertThat(log.oldestResumable()).isEqualTo(3);
        assertThat(log.readAfter(0, 10)).extracting(FeedEntry::eventId).containsExactly("b1", "a2", "c1");

        FeedLog dropping = new FeedLog(first.getDatabase("feed"), "log2", "key", FeedLog.Compaction.DROP);
        dropping.append(new PendingEvent("x1", "x", T0, null));
        dropping.append(new PendingEvent("x2", "x", T0, null));
        assertThat(dropping.compact(T0.plus(Duration.ofDays(30)))).isEqualTo(1);
        assertThat(dropping.head()).as("the head stays, so the next append continues after it").isEqualTo(2);
        assertThat(dropping.append(new PendingEvent("x3", "x", T0, null))).isEqualTo(3);
    }

    /**
     * {@link FeedLog#readAfter} reads by sequence (point lookups on {@code _id}); on random logs — legacy
     * holes below the head the log was opened at, compacted holes below a horizon, an entry beyond a hole
     * above both (a writer in flight) — it answers exactly what the range read answers, for every position
     * and batch size.
     */
    @Test
    void readingBySequenceAnswersWhatTheRangeReadAnswersOnLogsWithHoles() {
        MongoDatabase db = first.getDatabase("feed");
        java.util.Random random = new java.util.Random(20261206);
        int compared = 0;
        for (int run = 0; run < 40; run++) {
            String name = "holes" + run;
            MongoCollection<Document> raw = db.getCollection(name);
            int legacy = random.nextInt(4) == 0 ? 0 : random.nextInt(30);
            for (long s = 1; s <= legacy; s++) {
                if (random.nextInt(10) < 7) {
                    raw.insertOne(new Document("_id", s).append("key", "k" + (s % 5)));
                }
            }
            FeedLog log = new FeedLog(db, name, "key", FeedLog.Compaction.KEEP_LATEST_PER_KEY);
            int appended = random.nextInt(40);
            for (int i = 0; i < appended; i++) {
                log.append(new PendingEvent(name + ":" + i, "k" + (i % 5), T0, null));
            }
            long head = log.head();
            if (random.nextBoolean() && head > 2) {
                long horizon = 1 + random.nextInt((int) head);
                db.getCollection(name + "_state").insertOne(new Document("_id", "compaction").append("horizon", horizon));
                for (long s = 1; s < horizon; s++) {
                    if (random.nextInt(10) < 5) {
                        raw.deleteOne(Filters.eq("_id", s));
                    }
                }
            }
            if (random.nextInt(3) == 0) {
                raw.insertOne(new Document("_id", head + 2 + random.nextInt(3)).append("key", "late"));
            }
            if (random.nextInt(6) == 0) {
                raw.deleteMany(Filters.lte("_id", head / 2)); // emptied below without a horizon, as by hand
            }
            for (long after = 0; after <= head + 5; after++) {
                for (int limit : new int[] {1, 2, 3, 7, 37, 500}) {
                    assertThat(log.readAfter(after, limit)).extracting(FeedEntry::sequence)
                            .as("run %d, after %d, limit %d", run, after, limit)
                            .containsExactlyElementsOf(log.readAfterByRange(after, limit).stream()
                                    .map(FeedEntry::sequence).toList());
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(5_000);
    }
}
