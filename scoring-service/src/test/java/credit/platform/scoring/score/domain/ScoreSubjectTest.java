package credit.platform.scoring.score.domain;

import static credit.platform.scoring.score.domain.Records.NOW;
import static credit.platform.scoring.score.domain.Records.aRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import credit.platform.scoring.score.domain.Fakes.FakeLists;
import credit.platform.scoring.score.domain.Fakes.FakeRegistry;
import credit.platform.scoring.score.domain.Fakes.InMemoryCheckpoints;
import credit.platform.scoring.score.domain.Fakes.InMemoryGradeChanges;
import credit.platform.scoring.score.domain.Fakes.InMemoryHistory;
import credit.platform.scoring.score.domain.Fakes.InMemoryModels;
import credit.platform.scoring.score.domain.Fakes.MovableClock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The use cases with in-memory ports: contagion both ways, history, grade changes, as-of, versions, feed. */
class ScoreSubjectTest {

    static final String PERSON = "person-1";
    static final String COMPANY = "company-1";
    static final String OTHER_COMPANY = "company-2";

    MovableClock clock = new MovableClock(NOW);
    FakeRegistry registry = new FakeRegistry();
    FakeLists lists = new FakeLists();
    InMemoryHistory history = new InMemoryHistory();
    InMemoryGradeChanges changes = new InMemoryGradeChanges();
    InMemoryModels models;
    ScoreSubject scores;

    static Map<String, Object> personModel(int version, String effectiveFrom, long debtorPoints) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "person");
        m.put("version", version);
        m.put("subjectKind", "PERSON");
        m.put("defaultForKind", true);
        if (effectiveFrom != null) {
            m.put("effectiveFrom", effectiveFrom);
        }
        m.put("basePoints", 1000);
        m.put("rules", List.of(
                Map.of("id", "debtor", "list", "spc-dishonest-debtors", "pointsPerRecord", debtorPoints),
                Map.of("id", "company-black", "listKind", "BLACK", "pointsPerRecord", -30, "cap", 100,
                        "via", Map.of("type", "LEGAL_REPRESENTATIVE", "direction", "OUTGOING"))));
        m.put("bands", List.of(Map.of("grade", "A", "minPoints", 970), Map.of("grade", "B", "minPoints", 850),
                Map.of("grade", "C")));
        return m;
    }

    static Map<String, Object> companyModel() {
        return Map.of("id", "company", "version", 1, "subjectKind", "LEGAL_ENTITY", "defaultForKind", true,
                "basePoints", 1000,
                "rules", List.of(
                        Map.of("id", "black", "listKind", "BLACK", "pointsPerRecord", -100),
                        Map.of("id", "rep-black", "listKind", "BLACK", "pointsPerRecord", -50, "cap", 150,
                                "via", Map.of("type", "LEGAL_REPRESENTATIVE", "direction", "INCOMING"))),
                "bands", List.of(Map.of("grade", "A", "minPoints", 960), Map.of("grade", "B", "minPoints", 900),
                        Map.of("grade", "C")));
    }

    @BeforeEach
    void setUp() {
        models = new InMemoryModels(clock, ModelDefinition.parse(personModel(1, null, -50)),
                ModelDefinition.parse(companyModel()));
        scores = new ScoreSubject(registry, lists, registry, models, history, changes, clock);
        registry.kinds.put(PERSON, SubjectKind.PERSON);
        registry.kinds.put(COMPANY, SubjectKind.LEGAL_ENTITY);
        registry.kinds.put(OTHER_COMPANY, SubjectKind.LEGAL_ENTITY);
        registry.relate(PERSON, RelationType.LEGAL_REPRESENTATIVE, COMPANY);
    }

    ListRecordFact debtorRecord(String id) {
        return aRecord().withId(id).on("spc-dishonest-debtors", ListKind.BLACK).from(NOW.minusSeconds(60)).build();
    }

    @Test
    void personListedLowersTheCompanyTheyRepresentAndTheChangeRecomputesBoth() {
        scores.score(COMPANY, null);
        lists.add(PERSON, debtorRecord("rec-p"));

        var recomputed = scores.onRecordsChanged(List.of(PERSON), "lists change 7: CREATED of list-record:rec-p");

        assertThat(recomputed).containsExactlyInAnyOrder(PERSON, COMPANY);
        StoredScore company = history.latest(COMPANY, "company").orElseThrow();
        assertThat(company.score().points()).isEqualTo(950);
        assertThat(company.score().grade()).isEqualTo("B");
        assertThat(company.score().contributions()).singleElement().satisfies(c -> {
            assertThat(c.sourceRef()).isEqualTo("list-record:rec-p");
            assertThat(c.description()).contains(PERSON);
        });
        assertThat(company.cause()).contains("list-record:rec-p").contains("related subject");
        assertThat(history.latest(PERSON, "person").orElseThrow().score().points()).isEqualTo(950);
        assertThat(changes.changes).extracting(GradeChange::subjectId, GradeChange::previousGrade, GradeChange::grade)
                .contains(org.assertj.core.groups.Tuple.tuple(COMPANY, "A", "B"));
    }

    @Test
    void companyListedLowersItsLegalRepresentative() {
        lists.add(COMPANY, aRecord().withId("rec-c").on("samr-serious-illegal-dishonest", ListKind.BLACK).build());

        var recomputed = scores.onRecordsChanged(List.of(COMPANY), "lists change 8");

        assertThat(recomputed).containsExactlyInAnyOrder(COMPANY, PERSON);
        Score person = history.latest(PERSON, "person").orElseThrow().score();
        assertThat(person.points()).isEqualTo(970);
        assertThat(person.contributions()).singleElement()
                .satisfies(c -> assertThat(c.sourceRef()).isEqualTo("list-record:rec-c"));
    }

    @Test
    void aChangeRecomputesOnlyTheSubjectAndThoseLinkedToIt() {
        lists.add(OTHER_COMPANY, aRecord().withId("rec-o").build());

        assertThat(scores.onRecordsChanged(List.of(OTHER_COMPANY), "x")).containsExactly(OTHER_COMPANY);
        assertThat(history.entries).extracting(e -> e.score().subjectId()).containsOnly(OTHER_COMPANY);
    }

    @Test
    void anUnchangedScoreIsNotStoredAgainAndOnlyAGradeChangeIsEmitted() {
        scores.score(PERSON, null);
        scores.score(PERSON, null);
        assertThat(history.of(PERSON)).hasSize(1);
        assertThat(changes.changes).singleElement().satisfies(c -> {
            assertThat(c.previousGrade()).isEmpty();
            assertThat(c.grade()).isEqualTo("A");
        });

        lists.add(PERSON, debtorRecord("rec-1"));
        scores.score(PERSON, null); // 950: A → B
        lists.add(PERSON, debtorRecord("rec-2"));
        scores.score(PERSON, null); // 900: still B

        assertThat(history.of(PERSON)).hasSize(3);
        assertThat(changes.changes).extracting(GradeChange::grade).containsExactly("A", "B");
    }

    @Test
    void gradeAsOfADateComesFromTheHistoryWithTheVersionThatComputedIt() {
        lists.add(PERSON, debtorRecord("rec-1"));
        scores.score(PERSON, null);                      // v1: −50 → 950 B
        clock.advance(Duration.ofDays(10));
        models.publish(ModelDefinition.parse(personModel(2, clock.instant().toString(), -10)), clock.instant());
        clock.advance(Duration.ofDays(1));
        Score now = scores.score(PERSON, null);          // v2: −10 → 990 A

        assertThat(now.modelVersion()).isEqualTo(2);
        assertThat(now.grade()).isEqualTo("A");
        Score before = scores.scoreAsOf(PERSON, null, NOW.plus(Duration.ofDays(5)));
        assertThat(before.modelVersion()).isEqualTo(1);
        assertThat(before.points()).isEqualTo(950);
        assertThat(before.grade()).isEqualTo("B");
        assertThatThrownBy(() -> scores.scoreAsOf(PERSON, null, NOW.minusSeconds(1)))
                .isInstanceOf(NoScoreOnRecordException.class);
        // The old version stays available and unchanged.
        assertThat(models.find("person", 1).orElseThrow().rules().getFirst().pointsPerRecord()).isEqualTo(-50);
    }

    @Test
    void aVersionIsNeverRewrittenAndMustBeNewer() {
        assertThatThrownBy(() -> models.publish(ModelDefinition.parse(personModel(1, null, -1)), NOW))
                .isInstanceOf(ModelVersionConflictException.class);
        assertThat(models.find("person").orElseThrow().rules().getFirst().pointsPerRecord()).isEqualTo(-50);
    }

    @Test
    void aVersionTakesOverOnlyFromItsEffectiveDate() {
        models.publish(ModelDefinition.parse(personModel(2, NOW.plus(Duration.ofDays(3)).toString(), -10)), NOW);

        assertThat(scores.score(PERSON, null).modelVersion()).isEqualTo(1);
        clock.advance(Duration.ofDays(3));
        assertThat(scores.score(PERSON, null).modelVersion()).isEqualTo(2);
    }

    @Test
    void listsDownStoresNothing() {
        lists.unavailable = true;

        assertThatThrownBy(() -> scores.onRecordsChanged(List.of(PERSON), "x"))
                .isInstanceOf(SourceUnavailableException.class);
        assertThat(history.entries).isEmpty();
        assertThat(changes.changes).isEmpty();
    }

    @Test
    void feedSavesItsSequenceOnlyAfterTheRecomputeSucceeded() {
        InMemoryCheckpoints checkpoints = new InMemoryCheckpoints();
        FollowChanges follow = new FollowChanges(scores, checkpoints);
        lists.add(PERSON, debtorRecord("rec-1"));

        follow.onSnapshot(List.of(PERSON), 10);
        assertThat(follow.resumeFrom()).hasValue(10);
        assertThat(history.latest(COMPANY, "company")).isPresent();

        lists.unavailable = true;
        assertThatThrownBy(() -> follow.onChange(11, "REMOVED", "rec-1", PERSON))
                .isInstanceOf(SourceUnavailableException.class);
        assertThat(follow.resumeFrom()).hasValue(10);

        lists.unavailable = false;
        lists.records.get(PERSON).clear();
        follow.onChange(11, "REMOVED", "rec-1", PERSON);
        assertThat(follow.resumeFrom()).hasValue(11);
        assertThat(history.latest(PERSON, "person").orElseThrow().score().points()).isEqualTo(1000);
        assertThat(history.latest(PERSON, "person").orElseThrow().cause()).contains("REMOVED of list-record:rec-1");

        // A record about no registered subject moves the feed on and scores nobody.
        int entries = history.entries.size();
        follow.onChange(12, "CREATED", "rec-x", "");
        assertThat(follow.resumeFrom()).hasValue(12);
        assertThat(history.entries).hasSize(entries);
    }

    // ---- time decay by moving the clock -----------------------------------------------------------------

    static Map<String, Object> decayingPenaltyModel() {
        return Map.of("id", "penalties", "version", 1, "subjectKind", "PERSON", "basePoints", 1000,
                "rules", List.of(Map.of("id", "penalty", "listKind", "PENALTY", "pointsPerRecord", -30,
                        "decay", Map.of("fullDays", 365, "fadeDays", 730))),
                "bands", List.of(Map.of("grade", "A", "minPoints", 990), Map.of("grade", "B")));
    }

    @Test
    void movingTheClockPastTheDecayWindowShrinksThenRemovesThePenaltysContribution() {
        models.publish(ModelDefinition.parse(decayingPenaltyModel()), NOW);
        lists.add(PERSON, aRecord().withId("pen-1").on("admin-penalties-serious", ListKind.PENALTY).from(NOW).build());

        Score fresh = scores.score(PERSON, "penalties");
        clock.advance(Duration.ofDays(365 + 365));
        Score halfway = scores.score(PERSON, "penalties");
        clock.advance(Duration.ofDays(365));
        Score gone = scores.score(PERSON, "penalties");

        assertThat(fresh.contributions()).singleElement().satisfies(c -> {
            assertThat(c.sourceRef()).isEqualTo("list-record:pen-1");
            assertThat(c.points()).isEqualTo(-30);
        });
        assertThat(fresh.grade()).isEqualTo("B");
        assertThat(halfway.contributions()).singleElement().satisfies(c -> assertThat(c.points()).isEqualTo(-15));
        assertThat(gone.contributions()).isEmpty();
        assertThat(gone.points()).isEqualTo(1000);
        assertThat(gone.grade()).isEqualTo("A");
        // Each step is stored with the instant of the moved clock, and the recovered grade is emitted.
        assertThat(history.list(PERSON, "penalties", 10)).extracting(e -> e.score().computedAt())
                .containsExactly(NOW.plus(Duration.ofDays(1095)), NOW.plus(Duration.ofDays(730)), NOW);
        assertThat(changes.changes).extracting(GradeChange::subjectId, GradeChange::previousGrade, GradeChange::grade)
                .contains(org.assertj.core.groups.Tuple.tuple(PERSON, "B", "A"));
    }

    // ---- permits through the use case -------------------------------------------------------------------

    static Map<String, Object> permitModel() {
        return Map.of("id", "food", "version", 1, "subjectKind", "LEGAL_ENTITY", "defaultForKind", true,
                "basePoints", 1000,
                "rules", List.of(
                        Map.of("id", "food-expired", "permit", Map.of("kind", "食品经营许可证", "condition", "EXPIRED"),
                                "pointsPerPermit", -150),
                        Map.of("id", "food-missing", "permit", Map.of("kind", "食品经营许可证", "condition", "MISSING"),
                                "pointsPerPermit", -300)),
                "bands", List.of(Map.of("grade", "A", "minPoints", 950), Map.of("grade", "B", "minPoints", 800),
                        Map.of("grade", "C")));
    }

    @Test
    void aPermitChangeOnTheRegistryFeedRecomputesTheHolderNamingThePermit() {
        Map<String, List<PermitFact>> permits = new java.util.concurrent.ConcurrentHashMap<>();
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        PermitSource source = id -> {
            asked.add(id);
            return permits.getOrDefault(id, List.of());
        };
        models = new InMemoryModels(clock, ModelDefinition.parse(personModel(1, null, -50)),
                ModelDefinition.parse(permitModel()));
        scores = new ScoreSubject(registry, lists, registry, source, models, history, changes, clock);
        FollowChanges follow = new FollowChanges(scores, new InMemoryCheckpoints());

        Score without = scores.score(COMPANY, "food");
        permits.put(COMPANY, List.of(new PermitFact("p-1", "食品经营许可证", "JY1", "SAMR",
                NOW.minus(Duration.ofDays(1000)), NOW.plus(Duration.ofDays(30)), false)));
        follow.onSubjectChange(21, COMPANY, "permit:p-1");
        clock.advance(Duration.ofDays(31));
        Score lapsed = scores.score(COMPANY, "food");

        assertThat(without.contributions()).extracting(Contribution::sourceRef).containsExactly("permit-missing:食品经营许可证");
        StoredScore afterGrant = history.list(COMPANY, "food", 10).get(1);
        assertThat(afterGrant.score().points()).isEqualTo(1000);
        assertThat(afterGrant.cause()).isEqualTo("registry change 21: permit:p-1");
        assertThat(lapsed.contributions()).extracting(Contribution::sourceRef, Contribution::points)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("permit:p-1", -150L));
        // A model without permit rules does not ask for permits.
        asked.clear();
        scores.score(PERSON, null);
        assertThat(asked).isEmpty();
    }
}
