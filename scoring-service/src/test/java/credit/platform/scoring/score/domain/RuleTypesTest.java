package credit.platform.scoring.score.domain;

import static credit.platform.scoring.score.domain.Records.NOW;
import static credit.platform.scoring.score.domain.Records.aRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per rule type. Where each rule type is tested:
 * <ul>
 * <li>record on a list by id — {@link ScoringModelTest#recordOnANamedListCostsThatRulesPointsAndIsExplainedByItsRecord}</li>
 * <li>record on a list by kind — {@link ScoringModelTest#kindRuleCatchesEveryListOfItsKindNotNamedBefore}</li>
 * <li>legal ground — {@link #groundRuleCatchesOnlyRecordsOnThatGroundAndTheOthersFallThrough}</li>
 * <li>age / decay — {@link #penaltyKeepsFullWeightForItsFirstYearThenFadesLinearlyToNothing},
 *     by moving the clock through the use case: {@link ScoreSubjectTest#movingTheClockPastTheDecayWindowShrinksThenRemovesThePenaltysContribution}</li>
 * <li>penalty by severity — {@link #penaltyBySeverityWeighsASeriousPenaltyMoreThanAGeneralOne}</li>
 * <li>red list — {@link #redListRecordAddsItsPointsAndNamesTheRecord}</li>
 * <li>positive fact — {@link #positiveFactsRaiseTheScoreUpToTheirCap}</li>
 * <li>expired permit — {@link #expiredPermitCostsItsPointsNamingThePermitUnlessItWasRenewed}</li>
 * <li>missing permit — {@link #missingPermitCostsOneLineNamingTheKindWhenNoValidPermitOfTheKindIsHeld}</li>
 * <li>contagion, company ← legal representative — {@link #relationshipRuleCountsOnlyRelatedSubjectsRecordsAndNamesTheRecordAndTheSubject}</li>
 * <li>contagion, legal representative ← company — {@link #companysListingLowersItsLegalRepresentativeThroughTheOutgoingRule}</li>
 * <li>cap — {@link ScoringModelTest#cappedRuleAddsOneLineBringingItsTotalBackToTheCap},
 *     {@link #decayedRecordsStillRespectTheCap}, {@link #permitRuleIsCappedLikeTheOthers}</li>
 * </ul>
 */
class RuleTypesTest {

    static final Via LEGAL_REP_OF_ME = new Via(RelationType.LEGAL_REPRESENTATIVE, Via.Direction.INCOMING);
    static final Via MY_COMPANY = new Via(RelationType.LEGAL_REPRESENTATIVE, Via.Direction.OUTGOING);

    static ScoringModel model(Rule... rules) {
        return ScoringModelTest.model(rules);
    }

    @Test
    void penaltyKeepsFullWeightForItsFirstYearThenFadesLinearlyToNothing() {
        ScoringModel model = model(Rule.perRecordOfKind("pen", ListKind.PENALTY, -30, "penalty")
                .decaying(Decay.ofDays(365, 730)));
        ListRecordFact penalty = aRecord().on("admin-penalties-serious", ListKind.PENALTY).from(NOW).build();

        assertThat(model.score("s", List.of(penalty), NOW).points()).isEqualTo(970);
        assertThat(model.score("s", List.of(penalty), NOW.plus(Duration.ofDays(365))).points()).isEqualTo(970);
        var halfway = model.score("s", List.of(penalty), NOW.plus(Duration.ofDays(365 + 365)));
        assertThat(halfway.points()).isEqualTo(985);
        assertThat(halfway.contributions().getFirst().description()).contains("decayed from -30");
        var gone = model.score("s", List.of(penalty), NOW.plus(Duration.ofDays(365 + 730)));
        assertThat(gone.points()).isEqualTo(1000);
        assertThat(gone.contributions()).isEmpty();
    }

    @Test
    void decayedRecordsStillRespectTheCap() {
        ScoringModel model = model(Rule.perRecordOfKind("pen", ListKind.PENALTY, -100, "penalty")
                .decaying(Decay.ofDays(0, 100)).cappedAt(120));
        List<ListRecordFact> three = List.of(
                aRecord().on("p", ListKind.PENALTY).from(NOW).build(),
                aRecord().on("p", ListKind.PENALTY).from(NOW).build(),
                aRecord().on("p", ListKind.PENALTY).from(NOW).build());

        assertThat(model.score("s", three, NOW).points()).isEqualTo(880);
        // 50 days on each is worth −50: −150 in all, still capped at −120.
        assertThat(model.score("s", three, NOW.plus(Duration.ofDays(50))).points()).isEqualTo(880);
        // 80 days on each is worth −20: −60, under the cap, no cap line.
        Score later = model.score("s", three, NOW.plus(Duration.ofDays(80)));
        assertThat(later.points()).isEqualTo(940);
        assertThat(later.contributions()).noneMatch(c -> c.sourceRef().startsWith("rule:"));
    }

    @Test
    void groundRuleCatchesOnlyRecordsOnThatGroundAndTheOthersFallThrough() {
        ScoringModel model = model(
                Rule.perRecordOnList("false", "samr-abnormal-operations", -80, "false disclosure")
                        .onGround("false disclosure"),
                Rule.perRecordOnList("abnormal", "samr-abnormal-operations", -50, "abnormal"));
        ListRecordFact lying = aRecord().withId("r-1").on("samr-abnormal-operations", ListKind.IRREGULARITY)
                .onGround("false disclosure").build();
        ListRecordFact late = aRecord().withId("r-2").on("samr-abnormal-operations", ListKind.IRREGULARITY)
                .onGround("annual report not filed").build();

        Score score = model.score("c", List.of(lying, late), NOW);

        assertThat(score.contributions()).extracting(Contribution::ruleId, Contribution::sourceRef, Contribution::points)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("false", "list-record:r-1", -80L),
                        org.assertj.core.groups.Tuple.tuple("abnormal", "list-record:r-2", -50L));
    }

    @Test
    void relationshipRuleCountsOnlyRelatedSubjectsRecordsAndNamesTheRecordAndTheSubject() {
        ScoringModel model = model(
                Rule.perRecordOfKind("own-black", ListKind.BLACK, -100, "own"),
                Rule.perRecordOfKind("rep-black", ListKind.BLACK, -50, "legal representative listed")
                        .through(LEGAL_REP_OF_ME).cappedAt(80));
        ListRecordFact own = aRecord().withId("own-1").build();
        ListRecordFact reps1 = aRecord().withId("rep-1").build().reaching(LEGAL_REP_OF_ME, "person-9");
        ListRecordFact reps2 = aRecord().withId("rep-2").build().reaching(LEGAL_REP_OF_ME, "person-9");
        ListRecordFact otherWay = aRecord().withId("co-1").build().reaching(MY_COMPANY, "company-3");

        Score score = model.score("company-1", List.of(own, reps1, reps2, otherWay), NOW);

        assertThat(score.points()).isEqualTo(1000 - 100 - 80);
        assertThat(score.contributions()).extracting(Contribution::sourceRef)
                .containsExactly("list-record:own-1", "list-record:rep-1", "list-record:rep-2", "rule:rep-black");
        assertThat(score.contributions().get(1).description()).contains("person-9").contains("legal representative");
    }

    // ---- penalty by severity, red list, positive facts ----------------------------------------------

    @Test
    void penaltyBySeverityWeighsASeriousPenaltyMoreThanAGeneralOne() {
        // lists.proto carries no severity: the severity is the penalty list the authority records on
        // (admin-penalties-general / admin-penalties-serious), as in corporate-compliance v2 and v3.
        ScoringModel model = model(
                Rule.perRecordOnList("general", "admin-penalties-general", -10, "general penalty"),
                Rule.perRecordOnList("serious", "admin-penalties-serious", -30, "serious penalty"));
        ListRecordFact general = aRecord().withId("pen-g").on("admin-penalties-general", ListKind.PENALTY).build();
        ListRecordFact serious = aRecord().withId("pen-s").on("admin-penalties-serious", ListKind.PENALTY).build();

        Score score = model.score("c", List.of(general, serious), NOW);

        assertThat(score.contributions()).extracting(Contribution::sourceRef, Contribution::points)
                .containsExactly(tuple("list-record:pen-g", -10L), tuple("list-record:pen-s", -30L));
        assertThat(score.points()).isEqualTo(960);
    }

    @Test
    void redListRecordAddsItsPointsAndNamesTheRecord() {
        ScoringModel model = model(Rule.perRecordOfKind("red", ListKind.RED, 20, "commended"));
        ListRecordFact red = aRecord().withId("red-1").on("model-workers", ListKind.RED).build();

        Score score = model.score("p", List.of(red), NOW);

        assertThat(score.points()).isEqualTo(1020);
        assertThat(score.contributions()).singleElement().satisfies(c -> {
            assertThat(c.sourceRef()).isEqualTo("list-record:red-1");
            assertThat(c.points()).isEqualTo(20);
        });
    }

    @Test
    void positiveFactsRaiseTheScoreUpToTheirCap() {
        // Positive facts the platform serves are records on red lists: tax grade A, customs AEO.
        ScoringModel model = model(
                Rule.perRecordOnList("tax-grade-a", "sta-grade-a-taxpayers", 50, "tax grade A").cappedAt(50),
                Rule.perRecordOnList("customs-aeo", "customs-advanced-certified", 50, "AEO").cappedAt(50));
        ListRecordFact taxA2025 = aRecord().withId("tax-2025").on("sta-grade-a-taxpayers", ListKind.RED).build();
        ListRecordFact taxA2026 = aRecord().withId("tax-2026").on("sta-grade-a-taxpayers", ListKind.RED).build();
        ListRecordFact aeo = aRecord().withId("aeo").on("customs-advanced-certified", ListKind.RED).build();

        Score score = model.score("c", List.of(taxA2025, taxA2026, aeo), NOW);

        assertThat(score.points()).isEqualTo(1100);
        assertThat(score.contributions()).extracting(Contribution::sourceRef, Contribution::points)
                .containsExactly(tuple("list-record:tax-2025", 50L), tuple("list-record:tax-2026", 50L),
                        tuple("rule:tax-grade-a", -50L), tuple("list-record:aeo", 50L));
    }

    // ---- contagion, the other direction ---------------------------------------------------------------

    @Test
    void companysListingLowersItsLegalRepresentativeThroughTheOutgoingRule() {
        ScoringModel person = model(
                Rule.perRecordOfKind("own", ListKind.BLACK, -50, "own"),
                Rule.perRecordOfKind("my-company", ListKind.BLACK, -30, "company listed").through(MY_COMPANY));
        ListRecordFact companys = aRecord().withId("co-rec").build().reaching(MY_COMPANY, "company-3");
        ListRecordFact wrongWay = aRecord().withId("rep-rec").build().reaching(LEGAL_REP_OF_ME, "someone");

        Score score = person.score("person-1", List.of(companys, wrongWay), NOW);

        assertThat(score.points()).isEqualTo(970);
        assertThat(score.contributions()).singleElement().satisfies(c -> {
            assertThat(c.ruleId()).isEqualTo("my-company");
            assertThat(c.sourceRef()).isEqualTo("list-record:co-rec");
            assertThat(c.description()).contains("company-3");
        });
    }

    // ---- permits ------------------------------------------------------------------------------------------

    static final String FOOD = "食品经营许可证";

    static PermitFact permit(String id, String kind, Instant from, Instant until) {
        return new PermitFact(id, kind, "JY-" + id, "市场监督管理局", from, until, false);
    }

    static ScoringModel permitModel(PermitRule... rules) {
        return model().withPermitRules(List.of(rules));
    }

    @Test
    void expiredPermitCostsItsPointsNamingThePermitUnlessItWasRenewed() {
        ScoringModel model = permitModel(
                new PermitRule("food-expired", FOOD, PermitRule.Condition.EXPIRED, -30, null, null, "food licence expired"));
        PermitFact lapsed = permit("p-old", FOOD, NOW.minus(Duration.ofDays(2000)), NOW.minus(Duration.ofDays(10)));
        PermitFact renewed = permit("p-new", FOOD, NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(1000)));
        PermitFact otherKind = permit("p-other", "排污许可证", NOW.minus(Duration.ofDays(2000)), null);

        Score lapsedOnly = model.score("c", List.of(), List.of(lapsed, otherKind), NOW);
        Score afterRenewal = model.score("c", List.of(), List.of(lapsed, renewed, otherKind), NOW);
        Score beforeItLapsed = model.score("c", List.of(), List.of(lapsed), NOW.minus(Duration.ofDays(11)));

        assertThat(lapsedOnly.points()).isEqualTo(970);
        assertThat(lapsedOnly.contributions()).singleElement().satisfies(c -> {
            assertThat(c.ruleId()).isEqualTo("food-expired");
            assertThat(c.sourceRef()).isEqualTo("permit:p-old");
            assertThat(c.description()).contains(FOOD).contains("JY-p-old").contains("lapsed");
        });
        assertThat(afterRenewal.contributions()).isEmpty();
        assertThat(beforeItLapsed.contributions()).isEmpty();
    }

    @Test
    void expiredPermitFadesFromTheDayItLapsed() {
        ScoringModel model = permitModel(new PermitRule("food-expired", FOOD, PermitRule.Condition.EXPIRED, -30, null,
                Decay.ofDays(365, 730), "food licence expired"));
        Instant lapsedAt = NOW.minus(Duration.ofDays(365 + 365));
        PermitFact lapsed = permit("p-old", FOOD, lapsedAt.minus(Duration.ofDays(1000)), lapsedAt);

        Score halfway = model.score("c", List.of(), List.of(lapsed), NOW);

        assertThat(halfway.points()).isEqualTo(985);
        assertThat(halfway.contributions().getFirst().description()).contains("decayed from -30");
        assertThat(model.score("c", List.of(), List.of(lapsed), lapsedAt.plus(Duration.ofDays(365 + 730)))
                .contributions()).isEmpty();
    }

    @Test
    void missingPermitCostsOneLineNamingTheKindWhenNoValidPermitOfTheKindIsHeld() {
        ScoringModel model = permitModel(
                new PermitRule("food-expired", FOOD, PermitRule.Condition.EXPIRED, -150, null, null, "expired"),
                new PermitRule("food-missing", FOOD, PermitRule.Condition.MISSING, -300, null, null, "no food licence"));
        PermitFact valid = permit("p-ok", FOOD, NOW.minus(Duration.ofDays(100)), NOW.plus(Duration.ofDays(100)));
        PermitFact revoked = new PermitFact("p-rev", FOOD, "JY-rev", "市场监督管理局", NOW.minus(Duration.ofDays(100)),
                null, true);
        PermitFact lapsed = permit("p-old", FOOD, NOW.minus(Duration.ofDays(2000)), NOW.minus(Duration.ofDays(1)));

        Score none = model.score("c", List.of(), List.of(), NOW);
        Score onlyRevoked = model.score("c", List.of(), List.of(revoked), NOW);
        Score holdsOne = model.score("c", List.of(), List.of(valid, revoked), NOW);
        Score onlyLapsed = model.score("c", List.of(), List.of(lapsed), NOW);

        assertThat(none.contributions()).singleElement().satisfies(c -> {
            assertThat(c.ruleId()).isEqualTo("food-missing");
            assertThat(c.sourceRef()).isEqualTo("permit-missing:" + FOOD);
            assertThat(c.points()).isEqualTo(-300);
        });
        assertThat(onlyRevoked.points()).isEqualTo(700);
        assertThat(holdsOne.contributions()).isEmpty();
        // A lapsed permit is caught by the EXPIRED rule placed first; the kind is not counted twice.
        assertThat(onlyLapsed.contributions()).extracting(Contribution::ruleId).containsExactly("food-expired");
    }

    @Test
    void permitRuleIsCappedLikeTheOthers() {
        ScoringModel model = permitModel(
                new PermitRule("expired", FOOD, PermitRule.Condition.EXPIRED, -30, 50L, null, "expired"));
        List<PermitFact> three = List.of(
                permit("a", FOOD, NOW.minus(Duration.ofDays(900)), NOW.minus(Duration.ofDays(3))),
                permit("b", FOOD, NOW.minus(Duration.ofDays(900)), NOW.minus(Duration.ofDays(2))),
                permit("c", FOOD, NOW.minus(Duration.ofDays(900)), NOW.minus(Duration.ofDays(1))));

        Score score = model.score("c", List.of(), three, NOW);

        assertThat(score.points()).isEqualTo(950);
        assertThat(score.contributions()).extracting(Contribution::sourceRef)
                .containsExactly("permit:a", "permit:b", "permit:c", "rule:expired");
    }

    @Test
    void permitRulesAreReadFromTheModelDefinitionAndAMissingRuleMayNotDecay() {
        java.util.Map<String, Object> doc = new java.util.LinkedHashMap<>();
        doc.put("id", "m");
        doc.put("version", 1);
        doc.put("subjectKind", "LEGAL_ENTITY");
        doc.put("basePoints", 1000);
        doc.put("rules", List.of(java.util.Map.of("id", "missing", "permit",
                java.util.Map.of("kind", FOOD, "condition", "MISSING"), "pointsPerPermit", -300)));
        doc.put("bands", List.of(java.util.Map.of("grade", "A")));

        assertThat(ModelDefinition.parse(doc).model().permitRules()).singleElement()
                .satisfies(r -> assertThat(r.condition()).isEqualTo(PermitRule.Condition.MISSING));
        doc.put("rules", List.of(java.util.Map.of("id", "missing", "permit",
                java.util.Map.of("kind", FOOD, "condition", "MISSING"), "pointsPerPermit", -300,
                "decay", java.util.Map.of("fullDays", 1, "fadeDays", 1))));
        assertThatThrownBy(() -> ModelDefinition.parse(doc)).isInstanceOf(InvalidModelException.class)
                .satisfies(e -> assertThat(((InvalidModelException) e).field()).isEqualTo("rules[0]"));
        doc.put("rules", List.of(java.util.Map.of("id", "x", "permit",
                java.util.Map.of("kind", FOOD, "condition", "LOST"), "pointsPerPermit", -1)));
        assertThatThrownBy(() -> ModelDefinition.parse(doc)).isInstanceOf(InvalidModelException.class)
                .satisfies(e -> assertThat(((InvalidModelException) e).field()).isEqualTo("rules[0].permit.condition"));
    }

    @Test
    void rongchengBandsHoldAtEveryEdge() {
        ScoringModel rongcheng = new ScoringModel("r", 1, SubjectKind.PERSON, 1000, List.of(), List.of(
                new GradeBand("AAA", 1050), new GradeBand("AA", 1030), new GradeBand("A+", 1010),
                new GradeBand("A", 960), new GradeBand("B", 850), new GradeBand("C", 600),
                new GradeBand("D", Long.MIN_VALUE)));

        assertThat(List.of(1050L, 1049L, 1030L, 1029L, 1010L, 1009L, 960L, 959L, 850L, 849L, 600L, 599L))
                .extracting(rongcheng::grade)
                .containsExactly("AAA", "AA", "AA", "A+", "A+", "A", "A", "B", "B", "C", "C", "D");
    }
}
