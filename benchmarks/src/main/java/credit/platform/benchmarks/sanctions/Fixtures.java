package credit.platform.benchmarks.sanctions;

import credit.platform.sanctions.enforcement.domain.BoundPerson;
import credit.platform.sanctions.enforcement.domain.Enforcement;
import credit.platform.sanctions.enforcement.domain.FeedRecord;
import credit.platform.sanctions.enforcement.domain.IndexEntry;
import credit.platform.sanctions.enforcement.domain.IndexMaintenance;
import credit.platform.sanctions.enforcement.domain.IndexStore;
import credit.platform.sanctions.enforcement.domain.RecordState;
import credit.platform.sanctions.enforcement.domain.StalePolicy;
import credit.platform.sanctions.enforcement.domain.SubjectDirectory;
import credit.platform.sanctions.enforcement.domain.SubjectKey;
import credit.platform.sanctions.enforcement.adapter.catalogue.CatalogueLoader;
import credit.platform.sanctions.travel.domain.CheckTravel;
import credit.platform.sanctions.travel.domain.Receipts;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** The sanctions domain wired for benchmarks: no database, no registry (both no-ops), real index and rules. */
final class Fixtures {

    static final SubjectDirectory NO_REGISTRY = new SubjectDirectory() {
        @Override
        public List<SubjectKey> identifiersOf(String subjectId) {
            return List.of();
        }

        @Override
        public List<BoundPerson> personsBoundBy(String companySubjectId) {
            return List.of();
        }
    };

    static final IndexStore NO_STORE = new IndexStore() {
        private volatile long sequence = -1;

        @Override
        public long lastSequence() {
            return sequence;
        }

        @Override
        public void saveSequence(long s) {
            sequence = s;
        }

        @Override
        public void save(IndexEntry entry) {
        }

        @Override
        public void delete(String recordId) {
        }

        @Override
        public void deleteAll() {
        }

        @Override
        public void forEach(Consumer<IndexEntry> entry) {
        }

        @Override
        public long lastGradeSequence() {
            return -1;
        }

        @Override
        public void saveGradeSequence(long s) {
        }

        @Override
        public long lastRegistrySequence() {
            return -1;
        }

        @Override
        public void saveRegistrySequence(long s) {
        }

        @Override
        public void forEachGrade(Consumer<IndexEntry> entry) {
        }

        @Override
        public java.util.Optional<IndexEntry> find(String recordId) {
            return java.util.Optional.empty();
        }

        @Override
        public List<IndexEntry> entriesOf(String subjectId) {
            return List.of();
        }

        @Override
        public List<IndexEntry> entriesBinding(String personSubjectId) {
            return List.of();
        }
    };

    private Fixtures() {
    }

    static Enforcement enforcement() {
        return new Enforcement(CatalogueLoader.fromClasspath(CatalogueLoader.DEFAULT), Clock.systemUTC(),
                Duration.ofMinutes(5), StalePolicy.ANSWER_FLAGGED);
    }

    /** An index of {@code subjects} listed debtors, built through the snapshot path. */
    static Enforcement listed(long subjects) {
        Enforcement e = enforcement();
        IndexMaintenance m = new IndexMaintenance(e, NO_REGISTRY, NO_STORE);
        m.beginSnapshot();
        for (long i = 0; i < subjects; i++) {
            m.snapshotRecord(feedRecord(i));
        }
        m.finishSnapshot(subjects);
        e.connected(true);
        e.markCaughtUp();
        e.gradesConnected(true);
        e.markGradesCaughtUp(); // no grade changes in the bench: the (empty) grade feed is current
        return e;
    }

    static FeedRecord feedRecord(long i) {
        var r = Synthetic.record(i);
        return new FeedRecord(r.recordId(), r.listId(), r.listKind(), "subj-" + i, Synthetic.key(i), r.authority(),
                RecordState.ACTIVE, r.effectiveFrom(), r.effectiveUntil());
    }

    static CheckTravel checkTravel(Enforcement e, Receipts receipts) {
        AtomicLong ids = new AtomicLong();
        return new CheckTravel(e, entry -> { }, (d, m, c) -> { }, receipts,
                () -> "TD-" + new UUID(ids.incrementAndGet(), System.nanoTime()), Clock.systemUTC());
    }
}
