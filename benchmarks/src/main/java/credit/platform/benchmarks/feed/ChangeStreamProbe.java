package credit.platform.benchmarks.feed;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.BsonDocument;
import org.bson.Document;

/**
 * The evidence behind docs/architecture.md DR-7: MongoDB change streams with resume tokens on the
 * embedded server (mongo-java-server, oplog enabled) — (a) concurrent writers on two clients and a
 * consumer killed and resumed from its token: missing, duplicate, out-of-order events; (b) the cost of
 * an idle getMore against the size of the server-wide oplog; (c) what a replace and an update deliver;
 * (d) a resume token across a restart of the file-backed server, within the same second and after a
 * pause. Not a test: run on demand (docs/benchmarks.md).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar credit.platform.benchmarks.feed.ChangeStreamProbe [writes per writer] [rounds]</pre>
 */
public final class ChangeStreamProbe {

    private ChangeStreamProbe() {
    }

    public static void main(String[] args) throws Exception {
        concurrentWriters(Integer.parseInt(args.length > 0 ? args[0] : "500"), Integer.parseInt(args.length > 1 ? args[1] : "3"));
        scanCostRestartAndPayload();
        System.setProperty("pause", "true");
        scanCostRestartAndPayload();
    }

    static void concurrentWriters(int perWriter, int rounds) throws Exception {
        int replicas = 2, writersPer = 4;
        for (int round = 0; round < rounds; round++) {
            MongoServer server = new MongoServer(new MemoryBackend());
            server.enableOplog();
            InetSocketAddress a = server.bind();
            String uri = "mongodb://127.0.0.1:" + a.getPort();
            List<MongoClient> clients = new ArrayList<>();
            for (int r = 0; r < replicas; r++) clients.add(MongoClients.create(uri));
            MongoClient consumerClient = MongoClients.create(uri);
            MongoCollection<Document> cc = consumerClient.getDatabase("probe").getCollection("events");
            cc.insertOne(new Document("_id", "warmup"));
            List<String> received = Collections.synchronizedList(new ArrayList<>());
            volatileStop[0] = false;
            Random random = new Random(round);
            Thread consumer = new Thread(() -> {
                BsonDocument token = null;
                int kills = 0;
                var first = cc.watch().cursor();
                MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor = first;
                int untilKill = 50 + random.nextInt(200);
                while (!volatileStop[0]) {
                    ChangeStreamDocument<Document> d = cursor.tryNext();
                    if (d == null) continue;
                    received.add(String.valueOf(d.getDocumentKey().get("_id").asString().getValue()));
                    token = d.getResumeToken();
                    if (--untilKill == 0) { // the consumer dies and resumes from its last token
                        cursor.close();
                        kills++;
                        cursor = cc.watch().resumeAfter(token).cursor();
                        untilKill = 50 + random.nextInt(200);
                    }
                }
                cursor.close();
                System.out.println("  consumer killed and resumed " + kills + " times");
            });
            consumer.start();
            Thread.sleep(300);
            ExecutorService pool = Executors.newFixedThreadPool(replicas * writersPer);
            List<Future<?>> fs = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int r = 0; r < replicas; r++) {
                MongoCollection<Document> c = clients.get(r).getDatabase("probe").getCollection("events");
                for (int w = 0; w < writersPer; w++) {
                    String prefix = "r" + r + "w" + w + ":";
                    fs.add(pool.submit(() -> {
                        for (int i = 0; i < perWriter; i++) c.insertOne(new Document("_id", prefix + i));
                    }));
                }
            }
            for (Future<?> f : fs) f.get();
            long writeMs = (System.nanoTime() - t0) / 1_000_000;
            int expected = replicas * writersPer * perWriter;
            long deadline = System.currentTimeMillis() + 60_000;
            while (received.size() < expected && System.currentTimeMillis() < deadline) Thread.sleep(100);
            Thread.sleep(2000);
            volatileStop[0] = true;
            consumer.join();
            Set<String> inCollection = new HashSet<>();
            cc.find().forEach(d -> inCollection.add(d.get("_id").toString()));
            inCollection.remove("warmup");
            Set<String> got = new HashSet<>(received);
            Set<String> missing = new TreeSet<>(inCollection);
            missing.removeAll(got);
            int dups = received.size() - got.size();
            // per-writer order
            int outOfOrder = 0;
            Map<String, Integer> lastPer = new HashMap<>();
            for (String s : received) {
                String[] p = s.split(":");
                int i = Integer.parseInt(p[1]);
                Integer prev = lastPer.put(p[0], i);
                if (prev != null && prev >= i) outOfOrder++;
            }
            System.out.printf("round %d: %d writes in %d ms (%d writers on %d clients); received %d, missing %d, duplicates %d, per-writer out of order %d; sample missing %s%n",
                    round, expected, writeMs, replicas * writersPer, replicas, received.size(), missing.size(), dups, outOfOrder,
                    missing.stream().limit(5).toList());
            pool.shutdown();
            clients.forEach(MongoClient::close);
            consumerClient.close();
            server.shutdownNow();
        }
    }

    static final boolean[] volatileStop = new boolean[1];

    static void scanCostRestartAndPayload() throws Exception {
        // (a) cost of an idle getMore against the size of the server-wide oplog
        MongoServer server = new MongoServer(new MemoryBackend());
        server.enableOplog();
        String uri = "mongodb://127.0.0.1:" + server.bind().getPort();
        try (MongoClient c = MongoClients.create(uri)) {
            MongoCollection<Document> feed = c.getDatabase("lists").getCollection("records");
            MongoCollection<Document> other = c.getDatabase("audit").getCollection("entries");
            var cursor = feed.watch().cursor();
            int written = 0;
            for (int target : new int[] {0, 10_000, 50_000, 100_000}) {
                List<Document> batch = new ArrayList<>();
                while (written < target) {
                    batch.add(new Document("_id", written++));
                    if (batch.size() == 1000) { other.insertMany(batch); batch.clear(); }
                }
                if (!batch.isEmpty()) other.insertMany(batch);
                cursor.tryNext(); // warm
                long t0 = System.nanoTime();
                int n = 20;
                for (int i = 0; i < n; i++) cursor.tryNext();
                System.out.printf("(a) oplog of other databases: %,d entries -> idle getMore on lists.records %.1f ms%n",
                        target, (System.nanoTime() - t0) / 1e6 / n);
            }
            // (c) payload of a replace and an update without updateLookup
            feed.insertOne(new Document("_id", "r1").append("status", "ACTIVE").append("version", 1));
            feed.replaceOne(new Document("_id", "r1"), new Document("_id", "r1").append("status", "REMOVED").append("version", 2));
            feed.updateOne(new Document("_id", "r1"), new Document("$set", new Document("status", "EXPIRED").append("version", 3)));
            for (int i = 0; i < 3; i++) {
                ChangeStreamDocument<Document> d = cursor.tryNext();
                while (d == null) d = cursor.tryNext();
                System.out.println("(c) " + d.getOperationTypeString() + " fullDocument=" + d.getFullDocument());
            }
        }
        server.shutdownNow();

        // (b) resume token across a restart of the H2-file-backed server
        Path dir = Files.createTempDirectory("probe-h2");
        String file = dir.resolve("credit.mv").toString();
        H2Backend backend = new H2Backend(file);
        server = new MongoServer(backend);
        server.enableOplog();
        int port = server.bind().getPort();
        BsonDocument token;
        try (MongoClient c = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> feed = c.getDatabase("lists").getCollection("records");
            var cursor = feed.watch().cursor();
            for (int i = 0; i < 5; i++) feed.insertOne(new Document("_id", "before-" + i));
            ChangeStreamDocument<Document> last = null;
            for (int i = 0; i < 3; i++) { ChangeStreamDocument<Document> d; while ((d = cursor.tryNext()) == null) { } last = d; }
            token = last.getResumeToken();
            System.out.println("(b) consumer stopped after " + last.getDocumentKey() + " token " + token.toJson());
        }
        server.shutdown();
        backend.close();
        if (Boolean.getBoolean("pause")) Thread.sleep(1500);
        backend = new H2Backend(file);
        server = new MongoServer(backend);
        server.enableOplog();
        port = server.bind().getPort();
        try (MongoClient c = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> feed = c.getDatabase("lists").getCollection("records");
            for (int i = 0; i < 3; i++) feed.insertOne(new Document("_id", "after-" + i));
            var cursor = feed.watch().resumeAfter(token).cursor();
            List<Object> got = new ArrayList<>();
            long until = System.currentTimeMillis() + 3000;
            while (System.currentTimeMillis() < until) {
                ChangeStreamDocument<Document> d = cursor.tryNext();
                if (d != null) got.add(d.getDocumentKey().get("_id").asString().getValue());
            }
            System.out.println("(b) after restart, resumed from the token: " + got);
        } catch (Exception e) {
            System.out.println("(b) after restart, resume failed: " + e);
        }
        server.shutdown();
    }
}
