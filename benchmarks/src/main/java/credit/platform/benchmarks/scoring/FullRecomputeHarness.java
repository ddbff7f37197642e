package credit.platform.benchmarks.scoring;

import credit.platform.scoring.score.adapter.model.YamlModelCatalogue;
import credit.platform.scoring.score.domain.BatchRecompute;
import credit.platform.scoring.score.domain.FollowChanges;
import credit.platform.scoring.score.domain.FeedCheckpoints;
import credit.platform.scoring.score.domain.GradeChange;
import credit.platform.scoring.score.domain.GradeChanges;
import credit.platform.scoring.score.domain.ListKind;
import credit.platform.scoring.score.domain.ListRecordFact;
import credit.platform.scoring.score.domain.ModelCatalogue;
import credit.platform.scoring.score.domain.RecomputeJob;
import credit.platform.scoring.score.domain.RecomputeJobs;
import credit.platform.scoring.score.domain.RecordSource;
import credit.platform.scoring.score.domain.RelationshipSource;
import credit.platform.scoring.score.domain.Score;
import credit.platform.scoring.score.domain.ScoreHistory;
import credit.platform.scoring.score.domain.ScoreSubject;
import credit.platform.scoring.score.domain.StoredScore;
import credit.platform.scoring.score.domain.SubjectDirectory;
import credit.platform.scoring.score.domain.SubjectKind;
import credit.platform.scoring.score.domain.Via;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Full recompute of N synthetic subjects through the scoring service's own use cases
 * ({@link BatchRecompute} → {@link ScoreSubject} → the shipped YAML models) with in-memory ports in
 * place of gRPC and MongoDB: it measures the scoring work and the batch machinery (chunks,
 * progress saves, history comparison, grade-change emission), NOT network or database I/O.
 * Then the in-process latency from "a record was created" (a change on the feed) to the updated
 * grades of the person and their company (p50 / p99).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar credit.platform.benchmarks.scoring.FullRecomputeHarness \
 *      [subjects=1000000] [parallelism=2] [changes=20000]
 * </pre>
 * 80 % persons, 20 % companies; every company has a person as legal representative; 0–4 records a
 * subject (black, penalty with an age for decay, red, irregularity).
 */
public final class FullRecomputeHarness {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final String[] LISTS = {"spc-dishonest-debtors", "admin-penalties-general", "admin-penalties-serious",
            "sta-grade-a-taxpayers", "samr-abnormal-operations", "sta-major-tax-violations"};
    static final ListKind[] KINDS = {ListKind.BLACK, ListKind.PENALTY, ListKind.PENALTY, ListKind.RED,
            ListKind.IRREGULARITY, ListKind.BLACK};

    private FullRecomputeHarness() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int parallelism = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int changes = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        System.out.printf("subjects=%d parallelism=%d availableProcessors=%d maxHeap=%dMB%n", n, parallelism,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        World world = World.generate(n, 42);
        ModelCatalogue models = YamlModelCatalogue.load("classpath*:models/*.yaml");
        Clock clock = Clock.fixed(NOW, java.time.ZoneOffset.UTC);
        History history = new History(n);
        Grades grades = new Grades();
        ScoreSubject scores = new ScoreSubject(world, world, world, models, history, grades, clock);
        Jobs jobs = new Jobs();

        for (String modelId : List.of("suining-county-person", "corporate-compliance")) {
            BatchRecompute batch = new BatchRecompute(scores, models, world, history, jobs, Runnable::run, clock, 10_000,
                    parallelism);
            long t0 = System.nanoTime();
            RecomputeJob job = batch.start(modelId);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            RecomputeJob done = jobs.find(job.id()).orElseThrow();
            System.out.printf("full recompute %s: %d subjects considered, %d scored in %d ms (%.0f subjects/s)%n",
                    done.id(), done.total(), history.scored(modelId), ms, done.total() * 1000.0 / Math.max(1, ms));
        }
        long t0 = System.nanoTime();
        int persons = 0;
        for (String id : world.ids) {
            if (world.kindOf(id) == SubjectKind.PERSON) {
                persons++;
            }
        }
        System.out.printf("(universe scan %d ms, %d persons)%n", (System.nanoTime() - t0) / 1_000_000, persons);

        // Latency from a record's creation (a change on the feed) to the updated grades.
        FollowChanges follow = new FollowChanges(scores, new Checkpoints());
        SplittableRandom random = new SplittableRandom(7);
        long[] nanos = new long[changes];
        for (int i = 0; i < changes; i++) {
            String person = world.representatives.get(random.nextInt(world.representatives.size()));
            ListRecordFact record = new ListRecordFact("new-" + i, "spc-dishonest-debtors", ListKind.BLACK, "SPC",
                    NOW.minusSeconds(60), null);
            long s = System.nanoTime();
            world.add(person, record);
            follow.onChange(i + 1, "CREATED", record.recordId(), person);
            nanos[i] = System.nanoTime() - s;
        }
        Arrays.sort(nanos);
        System.out.printf("record created -> person and company grades updated (in-process, %d changes): "
                + "p50 %.1f us, p99 %.1f us, max %.1f us; grade changes emitted %d%n", changes,
                nanos[changes / 2] / 1000.0, nanos[(int) (changes * 0.99)] / 1000.0, nanos[changes - 1] / 1000.0,
                grades.count.get());
    }

    /** The synthetic registry + lists: subjects, kinds, records, legal representatives. */
    static final class World implements SubjectDirectory, RecordSource, RelationshipSource {
        final String[] ids;
        final SubjectKind[] kinds;
        final ConcurrentHashMap<String, Integer> index;
        final List<ListRecordFact>[] records;
        final String[] representativeOf; // company index → person id
        final ConcurrentHashMap<String, List<String>> companiesOf = new ConcurrentHashMap<>();
        final List<String> representatives = new ArrayList<>();

        @SuppressWarnings("unchecked")
        World(int n) {
            ids = new String[n];
            kinds = new SubjectKind[n];
            index = new ConcurrentHashMap<>(n * 2);
            records = new List[n];
            representativeOf = new String[n];
        }

        static World generate(int n, long seed) {
            World w = new World(n);
            SplittableRandom r = new SplittableRandom(seed);
            for (int i = 0; i < n; i++) {
                w.ids[i] = String.format("s%08d", i);
                w.kinds[i] = i % 5 == 4 ? SubjectKind.LEGAL_ENTITY : SubjectKind.PERSON;
                w.index.put(w.ids[i], i);
                int count = r.nextInt(5);
                List<ListRecordFact> list = new ArrayList<>(count);
                for (int k = 0; k < count; k++) {
                    int l = r.nextInt(LISTS.length);
                    list.add(new ListRecordFact("r" + i + "-" + k, LISTS[l], KINDS[l], "AUTH",
                            NOW.minus(Duration.ofDays(r.nextInt(1500))), null));
                }
                w.records[i] = list;
            }
            for (int i = 4; i < n; i += 5) {
                String person = w.ids[i - 1 - r.nextInt(4)];
                w.representativeOf[i] = person;
                w.companiesOf.computeIfAbsent(person, k -> new ArrayList<>()).add(w.ids[i]);
                w.representatives.add(person);
            }
            return w;
        }

        synchronized void add(String subjectId, ListRecordFact record) {
            int i = index.get(subjectId);
            List<ListRecordFact> list = new ArrayList<>(records[i]);
            list.add(record);
            records[i] = list;
        }

        @Override
        public SubjectKind kindOf(String subjectId) {
            return kinds[index.get(subjectId)];
        }

        @Override
        public List<ListRecordFact> effectiveRecords(String subjectId) {
            return records[index.get(subjectId)];
        }

        @Override
        public SortedSet<String> subjectsWithRecords() {
            TreeSet<String> all = new TreeSet<>();
            for (int i = 0; i < ids.length; i++) {
                all.add(ids[i]);
            }
            return all;
        }

        @Override
        public List<String> related(String subjectId, Via via, Instant at) {
            if (via.type() != credit.platform.scoring.score.domain.RelationType.LEGAL_REPRESENTATIVE) {
                return List.of();
            }
            if (via.direction() == Via.Direction.INCOMING) {
                String rep = representativeOf[index.get(subjectId)];
                return rep == null ? List.of() : List.of(rep);
            }
            return companiesOf.getOrDefault(subjectId, List.of());
        }
    }

    /** In-memory history: the latest entry per subject and model (all a recompute reads). */
    static final class History implements ScoreHistory {
        final ConcurrentHashMap<String, StoredScore> latest;
        final AtomicLong appended = new AtomicLong();

        History(int n) {
            latest = new ConcurrentHashMap<>(n * 2);
        }

        long scored(String modelId) {
            return latest.values().stream().filter(s -> s.score().modelId().equals(modelId)).count();
        }

        @Override
        public void append(Score score, String cause) {
            latest.put(score.subjectId() + "|" + score.modelId(), new StoredScore(score, cause));
            appended.incrementAndGet();
        }

        @Override
        public Optional<StoredScore> latest(String subjectId, String modelId) {
            return Optional.ofNullable(latest.get(subjectId + "|" + modelId));
        }

        @Override
        public Optional<StoredScore> latestAt(String subjectId, String modelId, Instant at) {
            return latest(subjectId, modelId);
        }

        @Override
        public List<StoredScore> list(String subjectId, String modelId, int limit) {
            return latest(subjectId, modelId).stream().toList();
        }

        @Override
        public SortedSet<String> subjectsScoredBy(String modelId) {
            return new TreeSet<>();
        }
    }

    static final class Grades implements GradeChanges {
        final AtomicLong count = new AtomicLong();

        final ConcurrentHashMap<String, CurrentGrade> current = new ConcurrentHashMap<>();

        @Override
        public Optional<CurrentGrade> current(String subjectId, String modelId) {
            return Optional.ofNullable(current.get(subjectId + "|" + modelId));
        }

        @Override
        public boolean move(Optional<CurrentGrade> expected, GradeChange change) {
            CurrentGrade next = new CurrentGrade(change.grade(), change.modelVersion(), change.occurredAt());
            String key = change.subjectId() + "|" + change.modelId();
            boolean moved = expected.isEmpty() ? current.putIfAbsent(key, next) == null
                    : current.replace(key, expected.get(), next);
            if (moved && !change.previousGrade().equals(change.grade())) {
                count.incrementAndGet();
            }
            return moved;
        }

        @Override
        public List<GradeChange> after(long sequence, int limit) {
            return List.of();
        }
    }

    static final class Jobs implements RecomputeJobs {
        final ConcurrentHashMap<String, RecomputeJob> jobs = new ConcurrentHashMap<>();

        @Override
        public Optional<RecomputeJob> find(String id) {
            return Optional.ofNullable(jobs.get(id));
        }

        @Override
        public void save(RecomputeJob job) {
            jobs.put(job.id(), job);
        }

        @Override
        public List<RecomputeJob> unfinished() {
            return List.of();
        }
    }

    static final class Checkpoints implements FeedCheckpoints {
        volatile long last = -1;

        @Override
        public OptionalLong load(String feed) {
            return last < 0 ? OptionalLong.empty() : OptionalLong.of(last);
        }

        @Override
        public void save(String feed, long sequence) {
            last = sequence;
        }
    }
}
