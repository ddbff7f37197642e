package credit.platform.sanctions.reference;

import credit.platform.sanctions.enforcement.adapter.catalogue.CatalogueLoader;
import credit.platform.sanctions.enforcement.domain.BoundPerson;
import credit.platform.sanctions.enforcement.domain.Enforcement;
import credit.platform.sanctions.enforcement.domain.FeedChange;
import credit.platform.sanctions.enforcement.domain.FeedRecord;
import credit.platform.sanctions.enforcement.domain.InMemoryIndexStore;
import credit.platform.sanctions.enforcement.domain.IndexMaintenance;
import credit.platform.sanctions.enforcement.domain.RegistryChange;
import credit.platform.sanctions.enforcement.domain.SanctionCatalogue;
import credit.platform.sanctions.enforcement.domain.StalePolicy;
import credit.platform.sanctions.enforcement.domain.SubjectDirectory;
import credit.platform.sanctions.enforcement.domain.SubjectKey;
import credit.platform.sanctions.travel.domain.CheckTravel;
import credit.platform.sanctions.travel.domain.InvalidTravelCheckException;
import credit.platform.sanctions.travel.domain.Receipts;
import credit.platform.sanctions.travel.domain.TravelCheck;
import credit.platform.sanctions.travel.domain.TravelCheckResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The real thing under test: the enforcement index kept by {@link IndexMaintenance} from the lists
 * feed's and the registry's changes (as events, in order), and the {@link CheckTravel} use case
 * answering from it. The registry behind the index's {@link SubjectDirectory} port answers from the
 * world as it is now — as the real registry would.
 */
final class IndexUnderTest {

    static final SanctionCatalogue CATALOGUE = CatalogueLoader.fromClasspath(CatalogueLoader.DEFAULT);

    private final World world;
    private final WorldClock clock;
    private final Enforcement enforcement;
    private final IndexMaintenance maintenance;
    private final CheckTravel checkTravel;
    private final AtomicLong ids = new AtomicLong();
    private long listsSequence;
    private long registrySequence;

    IndexUnderTest(World world) {
        this.world = world;
        this.clock = new WorldClock(world);
        this.enforcement = new Enforcement(CATALOGUE, clock, Duration.ofMinutes(5), StalePolicy.ANSWER_FLAGGED);
        this.maintenance = new IndexMaintenance(enforcement, new WorldRegistry(world), new InMemoryIndexStore());
        maintenance.beginSnapshot();
        maintenance.finishSnapshot(0);
        enforcement.connected(true);
        enforcement.markCaughtUp();
        enforcement.gradesConnected(true);
        enforcement.markGradesCaughtUp();
        this.checkTravel = new CheckTravel(enforcement, entry -> { }, (decision, mode, client) -> { }, NO_SIGNING,
                () -> "TD-" + ids.incrementAndGet(), clock);
    }

    /** Feeds what a step changed, as the lists feed and the registry feed would. */
    void observe(Step.Effect effect) {
        if (effect.record() != null) {
            World.Rec r = effect.record();
            maintenance.apply(new FeedChange(++listsSequence, new FeedRecord(r.id(), r.list(), r.kind(), r.subject(),
                    r.named(), r.authority(), r.state(), World.startOf(r.from()),
                    r.until() == null ? null : World.startOf(r.until().plusDays(1))), world.now));
        }
        for (String subject : effect.registrySubjects()) {
            maintenance.applyRegistryChange(new RegistryChange(++registrySequence, subject, world.now));
        }
    }

    /** The index's answers to a batch of cases, in order (one batch per check, as a ticketing system sends a flight). */
    List<ReferenceEvaluator.Answer> decide(List<Case> cases) {
        List<ReferenceEvaluator.Answer> answers = new ArrayList<>(cases.size());
        List<TravelCheck> valid = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (Case c : cases) {
            try {
                valid.add(TravelCheck.of("p", c.scheme(), c.number(), c.country(), c.mode(), c.serviceClass(), c.train(),
                        c.travel(), checkTravel.today()));
                at.add(answers.size());
                answers.add(null);
            } catch (InvalidTravelCheckException e) {
                answers.add(ReferenceEvaluator.Answer.INVALID);
            }
        }
        if (!valid.isEmpty()) {
            List<TravelCheckResult> results = checkTravel.checkBatch(valid, "differential", false).results();
            for (int i = 0; i < results.size(); i++) {
                TravelCheckResult r = results.get(i);
                Set<String> reasons = new TreeSet<>();
                r.reasons().forEach(reason -> reasons.add(reason.recordRef() + "/" + reason.measure()));
                answers.set(at.get(i), new ReferenceEvaluator.Answer(r.decision().name(), reasons));
            }
        }
        return answers;
    }

    /** The registry as it is now in the world. */
    private record WorldRegistry(World world) implements SubjectDirectory {
        @Override
        public List<SubjectKey> identifiersOf(String subjectId) {
            return world.identifiersOf(subjectId);
        }

        @Override
        public List<BoundPerson> personsBoundBy(String companySubjectId) {
            List<BoundPerson> persons = new ArrayList<>();
            for (World.Rel rel : world.relationships) {
                if (rel.company().equals(companySubjectId)) {
                    persons.add(new BoundPerson(rel.role(), rel.person(), world.identifiersOf(rel.person()),
                            World.startOf(rel.from()), rel.to() == null ? null : World.startOf(rel.to().plusDays(1))));
                }
            }
            return persons;
        }
    }

    /** The world's now. */
    private static final class WorldClock extends Clock {
        private final World world;

        WorldClock(World world) {
            this.world = world;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return world.now;
        }
    }

    private static final Receipts NO_SIGNING = new Receipts() {
        @Override
        public String sign(Map<String, Object> claims) {
            return "unsigned";
        }

        @Override
        public Optional<Map<String, Object>> verify(String receipt) {
            return Optional.empty();
        }

        @Override
        public Map<String, Object> publishedKeys() {
            return Map.of();
        }
    };
}
