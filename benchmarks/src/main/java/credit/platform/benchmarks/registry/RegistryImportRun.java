package credit.platform.benchmarks.registry;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import credit.platform.registry.bulkimport.adapter.format.ImportFormats;
import credit.platform.registry.bulkimport.adapter.mongo.MongoImportRepository;
import credit.platform.registry.bulkimport.domain.ImportJob;
import credit.platform.registry.bulkimport.domain.ImportService;
import credit.platform.registry.demo.adapter.GenerateSyntheticRegistry;
import credit.platform.registry.demo.domain.SyntheticRegistry;
import credit.platform.registry.permit.adapter.mongo.MongoPermitRepository;
import credit.platform.registry.permit.domain.PermitService;
import credit.platform.registry.relationship.adapter.mongo.MongoRelationshipRepository;
import credit.platform.registry.relationship.domain.RelationshipService;
import credit.platform.registry.subject.adapter.mongo.MongoSubjectRepository;
import credit.platform.registry.subject.domain.SubjectService;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Import throughput: the synthetic registry of {@code size} subjects written as NDJSON, then
 * imported twice through the real import path (file reader → ImportService → Mongo adapters)
 * against a MongoDB ({@code mongodb://…} as 2nd argument) or the in-process embedded server.
 * The second run shows idempotence (0 created). Heap is sampled while it runs (streaming: it
 * should not grow with the file).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar credit.platform.benchmarks.registry.RegistryImportRun 10000}
 */
public final class RegistryImportRun {

    private RegistryImportRun() {
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String uri = args.length > 1 ? args[1] : null;
        MongoServer server = null;
        if (uri == null) {
            server = new MongoServer(new MemoryBackend());
            InetSocketAddress address = server.bind();
            uri = "mongodb://127.0.0.1:" + address.getPort();
        }
        Path file = Files.createTempFile("registry-import-", ".ndjson");
        long t0 = System.nanoTime();
        long lines = GenerateSyntheticRegistry.write(new SyntheticRegistry(20261126L, size), file);
        System.out.printf("generated %d subjects as %d lines (%.1f MB) in %.1f s%n", size, lines,
                Files.size(file) / 1e6, (System.nanoTime() - t0) / 1e9);

        try (MongoClient client = MongoClients.create(uri)) {
            MongoTemplate mongo = new MongoTemplate(client, "registry-bench-" + UUID.randomUUID());
            Clock clock = Clock.systemUTC();
            var feed = new credit.platform.registry.subject.adapter.feed.RegistryFeed(mongo, clock, true,
                    java.time.Duration.ofDays(30));
            SubjectService subjects = new SubjectService(new MongoSubjectRepository(mongo, feed), clock);
            RelationshipService relationships = new RelationshipService(new MongoRelationshipRepository(mongo, feed, clock),
                    subjects, clock);
            PermitService permits = new PermitService(new MongoPermitRepository(mongo, feed, clock), subjects, clock);
            ImportService imports = new ImportService(new MongoImportRepository(mongo), subjects, relationships, permits, clock);
            for (String pass : new String[] {"first", "second (same file)"}) {
                run(imports, file, pass);
            }
            mongo.getDb().drop();
        } finally {
            Files.deleteIfExists(file);
            if (server != null) {
                server.shutdownNow();
            }
        }
    }

    static void run(ImportService imports, Path file, String pass) throws IOException, InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        String id = "bench-" + UUID.randomUUID();
        imports.start(id, "ndjson");
        long t0 = System.nanoTime();
        ImportJob job;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            job = imports.run(id, ImportFormats.ndjson(reader), "benchmark");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();
        sampler.join();
        System.out.printf("%s import: %d lines in %.1f s = %.0f lines/s; created %d, existing %d, rejected %d; "
                        + "peak heap used %.0f MB (max %.0f MB)%n", pass, job.lines(), seconds, job.lines() / seconds,
                job.created(), job.existing(), job.rejected(), peak.get() / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
    }
}
