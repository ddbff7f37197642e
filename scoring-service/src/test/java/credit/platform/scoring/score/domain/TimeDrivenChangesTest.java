package credit.platform.scoring.score.domain;

import static credit.platform.scoring.score.domain.Records.NOW;
import static credit.platform.scoring.score.domain.Records.aRecord;
import static org.assertj.core.api.Assertions.assertThat;

import credit.platform.scoring.score.domain.Fakes.FakeLists;
import credit.platform.scoring.score.domain.Fakes.FakeRegistry;
import credit.platform.scoring.score.domain.Fakes.InMemoryGradeChanges;
import credit.platform.scoring.score.domain.Fakes.InMemoryHistory;
import credit.platform.scoring.score.domain.Fakes.InMemoryModels;
import credit.platform.scoring.score.domain.Fakes.InMemorySchedule;
import credit.platform.scoring.score.domain.Fakes.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scores that change with time alone (a permit lapses, points decay, a record ends, a model version
 * takes effect) are stored when they change, stamped with the instant of the change, by
 * {@link TimeDrivenRecompute} — with the in-memory ports and a clock the test moves.
 */
class TimeDrivenChangesTest {

    static final String COMPANY = "company-1";
    static final String PERSON = "person-1";
    static final String FOOD = "食品经营许可证";
    static final Instant LAPSE = NOW.plus(Duration.ofDays(10));

    MovableClock clock = new MovableClock(NOW);
    FakeRegistry registry = new FakeRegistry();
    FakeLists lists = new FakeLists();
    List<PermitFact> companyPermits = new java.util.concurrent.CopyOnWriteArrayList<>();
    InMemoryHistory history = new InMemoryHistory();
    InMemoryGradeChanges changes = new InMemoryGradeChanges();
    InMemorySchedule schedule = new InMemorySchedule();
    InMemoryModels models;
    ScoreSubject scores;
    TimeDrivenRecompute timeDriven;

    static Map<String, Object> companyModel() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "company");
        m.put("version", 1);
        m.put("subjectKind", "LEGAL_ENTITY");
        m.put("defaultForKind", true);
        m.put("basePoints", 1000);
        m.put("rules", List.of(
                Map.of("id", "food-expired", "permit", Map.of("kind", FOOD, "condition", "EXPIRED"),
                        "pointsPerPermit", -200)));
        m.put("bands", List.of(Map.of("grade", "A", "minPoints", 950), Map.of("grade", "B", "minPoints", 850),
                Map.of("grade", "C")));
        return m;
    }

    /** −200 for a penalty record, full for 30 days, then fading to nothing over 200 days. */
    static Map<String, Object> personModel(int version, String effectiveFrom, long penaltyPoints) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "person");
        m.put("version", version);
        m.put("subjectKind", "PERSON");
        m.put("defaultForKind", true);
        if (effectiveFrom != null) {
            m.put("effectiveFrom", effectiveFrom);
        }
        m.put("basePoints", 1000);
        m.put("rules", List.of(Map.of("id", "penalty", "listKind", "PENALTY", "pointsPerRecord", penaltyPoints,
                "decay", Map.of("fullDays", 30, "fadeDays", 200))));
        m.put("bands", List.of(Map.of("grade", "A", "minPoints", 950), Map.of("grade", "B", "minPoints", 850),
                Map.of("grade", "C")));
        return m;
    }

    @BeforeEach
    void setUp() {
        models = new InMemoryModels(clock, ModelDefinition.parse(companyModel()),
                ModelDefinition.parse(personModel(1, null, -200)));
        wire();
        registry.kinds.put(COMPANY, SubjectKind.LEGAL_ENTITY);
        registry.kinds.put(PERSON, SubjectKind.PERSON);
        companyPermits.add(new PermitFact("p-food", FOOD, "JY123", "SAMR", NOW.minus(Duration.ofDays(1000)), LAPSE,
                false));
    }

    private void wire() {
        PermitSource permits = subjectId -> subjectId.equals(COMPANY) ? List.copyOf(companyPermits) : List.of();
        scores = new ScoreSubject(registry, lists, registry, permits, models, history, changes, schedule, clock);
        timeDriven = new TimeDrivenRecompute(scores, schedule, clock);
    }

    @Test
    void permitLapseIsStoredAtTheLapseInstantWithItsCauseAndEmitsTheGradeChange() {
        assertThat(scores.score(COMPANY, null).grade()).isEqualTo("A");
        assertThat(schedule.find(COMPANY, "company")).get().satisfies(d -> {
            assertThat(d.at()).isEqualTo(LAPSE);
            assertThat(d.what()).isEqualTo("permit:p-food lapsed");
        });

        clock.advance(Duration.ofDays(12)); // the job runs two days late (e.g. the service was down)
        assertThat(timeDriven.runDue(100)).isEqualTo(1);

        StoredScore lapsed = history.latest(COMPANY, "company").orElseThrow();
        assertThat(lapsed.score().computedAt()).isEqualTo(LAPSE);
        assertThat(lapsed.score().grade()).isEqualTo("C");
        assertThat(lapsed.cause()).isEqualTo("time: permit:p-food lapsed at " + LAPSE);
        assertThat(lapsed.score().contributions()).singleElement()
                .satisfies(c -> assertThat(c.sourceRef()).isEqualTo("permit:p-food"));
        assertThat(changes.changes).extracting(GradeChange::previousGrade, GradeChange::grade,
                GradeChange::occurredAt, GradeChange::cause).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("", "A", NOW, "request"),
                        org.assertj.core.groups.Tuple.tuple("A", "C", LAPSE, lapsed.cause()));
        // nothing further changes with time: an undecaying expired-permit line
        assertThat(schedule.find(COMPANY, "company").orElseThrow().at()).isNull();
    }

    @Test
    void asOfTheDayBeforeTheLapseAnswersTheOldGradeAndTheDayAfterTheNewOne() {
        scores.score(COMPANY, null);
        clock.advance(Duration.ofDays(30));
        timeDriven.runDue(100);

        assertThat(scores.scoreAsOf(COMPANY, null, LAPSE.minus(Duration.ofDays(1))).grade()).isEqualTo("A");
        assertThat(scores.scoreAsOf(COMPANY, null, LAPSE.minusMillis(1)).grade()).isEqualTo("A");
        assertThat(scores.scoreAsOf(COMPANY, null, LAPSE).grade()).isEqualTo("C");
        assertThat(scores.scoreAsOf(COMPANY, null, LAPSE.plus(Duration.ofDays(1))).grade()).isEqualTo("C");
    }

    @Test
    void nothingDueWritesNothing() {
        scores.score(COMPANY, null);
        var before = Map.copyOf(schedule.entries);
        clock.advance(Duration.ofDays(9)); // the lapse is a day away still

        assertThat(timeDriven.runDue(100)).isZero();

        assertThat(history.of(COMPANY)).hasSize(1);
        assertThat(changes.changes).hasSize(1);
        assertThat(schedule.entries).isEqualTo(before);
    }

    @Test
    void runningTwiceWritesOnce() {
        scores.score(COMPANY, null);
        clock.advance(Duration.ofDays(12));

        assertThat(timeDriven.runDue(100)).isEqualTo(1);
        assertThat(timeDriven.runDue(100)).isZero();
        // a second replica with its own use case over the same schedule and history
        assertThat(new TimeDrivenRecompute(scores, schedule, clock).runDue(100)).isZero();

        assertThat(history.of(COMPANY)).hasSize(2);
        assertThat(changes.changes).hasSize(2);
    }

    @Test
    void anEntryClaimedByAnotherReplicaIsLeftToIt() {
        scores.score(COMPANY, null);
        clock.advance(Duration.ofDays(12));
        ScoreSchedule.Due due = schedule.find(COMPANY, "company").orElseThrow();
        assertThat(schedule.claim(due, clock.instant(), Duration.ofMinutes(5))).isPresent();

        assertThat(timeDriven.runDue(100)).isZero();
        assertThat(scores.advance(due, clock.instant())).isFalse();

        assertThat(history.of(COMPANY)).hasSize(1);
        // its lease over (it crashed), the entry is taken over and stored once
        clock.advance(Duration.ofMinutes(6));
        assertThat(timeDriven.runDue(100)).isEqualTo(1);
        assertThat(history.of(COMPANY)).hasSize(2);
    }

    @Test
    void anEventAfterALapseTheJobHasNotSeenYetStoresTheLapseFirstAtItsInstant() {
        scores.score(COMPANY, null);
        clock.advance(Duration.ofDays(12));

        scores.onRecordsChanged(List.of(COMPANY), "registry change 5");

        assertThat(history.of(COMPANY)).extracting(s -> s.score().computedAt(), StoredScore::cause).containsExactly(
                org.assertj.core.groups.Tuple.tuple(NOW, "request"),
                org.assertj.core.groups.Tuple.tuple(LAPSE, "time: permit:p-food lapsed at " + LAPSE));
        assertThat(timeDriven.runDue(100)).isZero();
    }

    @Test
    void aRenewedPermitIsNotHeldAgainstTheCompanyWhenItsOldTermEnds() {
        scores.score(COMPANY, null);
        companyPermits.add(new PermitFact("p-food-2", FOOD, "JY124", "SAMR", LAPSE.minus(Duration.ofDays(1)),
                LAPSE.plus(Duration.ofDays(1000)), false));
        scores.onRecordsChanged(List.of(COMPANY), "registry change 6: permit:p-food-2");
        clock.advance(Duration.ofDays(12));

        // two instants were due (the new permit takes effect, the old one lapses); neither changes the score
        assertThat(timeDriven.runDue(100)).isEqualTo(2);

        assertThat(history.of(COMPANY)).hasSize(1);
        assertThat(changes.changes).hasSize(1);
        assertThat(schedule.find(COMPANY, "company").orElseThrow().what()).isEqualTo("permit:p-food-2 lapsed");
    }

    @Test
    void decayCrossingABandChangesTheGradeOnTheDayThePointsCrossIt() {
        Instant listed = NOW.minus(Duration.ofDays(1));
        lists.add(PERSON, aRecord().withId("rec-pen").on("admin-penalties-general", ListKind.PENALTY).from(listed)
                .build());
        Score first = scores.score(PERSON, null);
        assertThat(first.points()).isEqualTo(800);
        assertThat(first.grade()).isEqualTo("C");
        assertThat(schedule.find(PERSON, "person").orElseThrow().what()).isEqualTo("decay of list-record:rec-pen");

        clock.advance(Duration.ofDays(120));
        timeDriven.runDue(1000);

        // 200·(1 − x) first rounds to 150 (850 = band B) just after x = 0.2475 of the 200 fading days
        Instant crossing = listed.plus(Duration.ofDays(30)).plus(Duration.ofHours(49 * 24 + 12)).plusMillis(1);
        assertThat(changes.changes).filteredOn(c -> c.subjectId().equals(PERSON))
                .extracting(GradeChange::previousGrade, GradeChange::grade, GradeChange::occurredAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("", "C", NOW),
                        org.assertj.core.groups.Tuple.tuple("C", "B", crossing));
        // listed 2026-04-30 16:00 in Shanghai; the grade changes at 04:00 on 2026-07-19 there
        assertThat(LocalDate.ofInstant(crossing, ModelDefinition.CHINA)).isEqualTo(LocalDate.parse("2026-07-19"));
        StoredScore atCrossing = history.latestAt(PERSON, "person", crossing).orElseThrow();
        assertThat(atCrossing.score().points()).isEqualTo(850);
        assertThat(atCrossing.cause()).isEqualTo("time: decay of list-record:rec-pen at " + crossing);
        assertThat(history.latestAt(PERSON, "person", crossing.minusMillis(1)).orElseThrow().score().points())
                .isEqualTo(849);
        // every stored step is one point and stamped at its own instant, never at the run's
        List<StoredScore> entries = history.of(PERSON);
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).score().points() - entries.get(i - 1).score().points()).isEqualTo(1);
            assertThat(entries.get(i).score().computedAt()).isAfter(entries.get(i - 1).score().computedAt());
        }
        assertThat(history.latest(PERSON, "person").orElseThrow().score().computedAt()).isBefore(clock.instant());
        assertThat(schedule.find(PERSON, "person").orElseThrow().at()).isAfter(clock.instant());
    }

    @Test
    void aRecordsEndIsStoredWhenItsEffectivePeriodEnds() {
        Instant until = NOW.plus(Duration.ofDays(5));
        lists.add(PERSON, aRecord().withId("rec-end").on("admin-penalties-general", ListKind.PENALTY).until(until)
                .build());
        scores.score(PERSON, null);
        clock.advance(Duration.ofDays(6));

        timeDriven.runDue(100);

        StoredScore ended = history.latest(PERSON, "person").orElseThrow();
        assertThat(ended.score().computedAt()).isEqualTo(until);
        assertThat(ended.score().points()).isEqualTo(1000);
        assertThat(ended.cause()).isEqualTo("time: list-record:rec-end ends at " + until);
        assertThat(schedule.find(PERSON, "person").orElseThrow().at()).isNull();
    }

    @Test
    void aModelVersionTakingEffectRescoresAtItsEffectiveInstant() {
        Instant v2From = NOW.plus(Duration.ofDays(3));
        models.publish(ModelDefinition.parse(personModel(2, v2From.toString(), -100)), NOW);
        lists.add(PERSON, aRecord().withId("rec-pen").on("admin-penalties-general", ListKind.PENALTY).build());
        assertThat(scores.score(PERSON, null).modelVersion()).isEqualTo(1);
        clock.advance(Duration.ofDays(4));

        timeDriven.runDue(100);

        StoredScore v2 = history.latest(PERSON, "person").orElseThrow();
        assertThat(v2.score().modelVersion()).isEqualTo(2);
        assertThat(v2.score().computedAt()).isEqualTo(v2From);
        assertThat(v2.score().grade()).isEqualTo("B");
        assertThat(v2.cause()).isEqualTo("time: model person v2 takes effect at " + v2From);
        assertThat(changes.changes).extracting(GradeChange::grade, GradeChange::modelVersion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("C", 1), org.assertj.core.groups.Tuple.tuple("B", 2));
    }

    @Test
    void aSourceDownLeavesTheEntryDueAndWritesNothing() {
        scores.score(COMPANY, null);
        clock.advance(Duration.ofDays(12));
        registry.unavailable = true;
        lists.unavailable = true;

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> timeDriven.runDue(100))
                .isInstanceOf(SourceUnavailableException.class);

        assertThat(history.of(COMPANY)).hasSize(1);
        assertThat(schedule.find(COMPANY, "company").orElseThrow().at()).isEqualTo(LAPSE);
        lists.unavailable = false;
        registry.unavailable = false;
        assertThat(timeDriven.runDue(100)).isEqualTo(1);
    }

    @Test
    void rescoringWithAnUnchangedPlanDoesNotRewriteIt() {
        scores.score(COMPANY, null);
        clock.advance(Duration.ofDays(1));
        scores.score(COMPANY, null);
        scores.onRecordsChanged(List.of(COMPANY), "registry change 9");

        assertThat(schedule.plans).hasValue(1);
        assertThat(schedule.find(COMPANY, "company").orElseThrow().at()).isEqualTo(LAPSE);
    }

    @Test
    void aVersionPublishedAfterASubjectWasPlannedBringsItsPlanForward() {
        lists.add(PERSON, aRecord().withId("rec-pen").on("admin-penalties-general", ListKind.PENALTY).build());
        scores.score(PERSON, null);
        assertThat(schedule.find(PERSON, "person").orElseThrow().what()).isEqualTo("decay of list-record:rec-pen");
        Instant v2From = NOW.plus(Duration.ofDays(3));

        ModelDefinition v2 = models.publish(ModelDefinition.parse(personModel(2, v2From.toString(), -100)), NOW);
        timeDriven.onModelPublished(v2);
        clock.advance(Duration.ofDays(4));
        timeDriven.runDue(100);

        StoredScore stored = history.latest(PERSON, "person").orElseThrow();
        assertThat(stored.score().modelVersion()).isEqualTo(2);
        assertThat(stored.score().computedAt()).isEqualTo(v2From);
        assertThat(stored.cause()).isEqualTo("time: model person v2 takes effect at " + v2From);
        assertThat(schedule.find(PERSON, "person").orElseThrow().what()).isEqualTo("decay of list-record:rec-pen");
    }

    @Test
    void atStartUpOnlyVersionsStillToComeBringPlansForward() {
        scores.score(COMPANY, null);
        Instant planned = schedule.find(COMPANY, "company").orElseThrow().at();
        Map<String, Object> past = new LinkedHashMap<>(companyModel());
        past.put("version", 2);
        past.put("effectiveFrom", NOW.minus(Duration.ofDays(1)).toString());
        Map<String, Object> coming = new LinkedHashMap<>(companyModel());
        coming.put("version", 3);
        coming.put("effectiveFrom", NOW.plus(Duration.ofDays(2)).toString());

        timeDriven.planUpcomingVersions(List.of(ModelDefinition.parse(past)));
        assertThat(schedule.find(COMPANY, "company").orElseThrow().at()).isEqualTo(planned);
        timeDriven.planUpcomingVersions(List.of(ModelDefinition.parse(coming)));
        assertThat(schedule.find(COMPANY, "company").orElseThrow()).satisfies(d -> {
            assertThat(d.at()).isEqualTo(NOW.plus(Duration.ofDays(2)));
            assertThat(d.what()).isEqualTo("model company v3 takes effect");
        });
    }
}
