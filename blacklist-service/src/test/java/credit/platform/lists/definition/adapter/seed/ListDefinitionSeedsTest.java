package credit.platform.lists.definition.adapter.seed;

import static org.assertj.core.api.Assertions.assertThat;

import credit.platform.lists.definition.domain.ListDefinition;
import credit.platform.lists.definition.domain.ListKind;
import credit.platform.lists.definition.domain.TimeLimit;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The list definitions kept in the repository carry the rules of docs/domain.md. */
class ListDefinitionSeedsTest {

    static final Map<String, ListDefinition> LISTS = ListDefinitionSeeds.read(new ClassPathResource("lists/list-definitions.json"))
            .stream().collect(Collectors.toMap(ListDefinition::id, Function.identity()));

    @Test
    void tenListsAreDefined() {
        assertThat(LISTS).containsOnlyKeys("spc-dishonest-debtors", "rail-safety-offenders",
                "ndrc-serious-dishonesty-travel", "samr-abnormal-operations", "samr-serious-illegal-dishonest",
                "sta-major-tax-violations", "sta-grade-a-taxpayers", "customs-advanced-certified",
                "admin-penalties-general", "admin-penalties-serious");
    }

    @Test
    void spcDebtorsLastTwoYearsAtMostFiveAndAreDeletedWithinThreeWorkingDays() {
        ListDefinition spc = LISTS.get("spc-dishonest-debtors");
        assertThat(spc.issuingAuthority()).isEqualTo("SPC");
        assertThat(spc.term().defaultDuration()).isEqualTo(Period.ofYears(2));
        assertThat(spc.term().maximum()).isEqualTo(Period.ofYears(5));
        assertThat(spc.term().untilDeletionGround()).isTrue();
        assertThat(spc.removalDeadline()).isEqualTo(TimeLimit.workingDays(3));
        assertThat(spc.excludesMinors()).isTrue();
    }

    @Test
    void deadlinesAndDurationsOfTheOtherListsFollowTheirRules() {
        assertThat(LISTS.get("rail-safety-offenders").term().defaultDuration()).isEqualTo(Period.ofDays(180));
        assertThat(LISTS.get("rail-safety-offenders").objectionWindow()).isEqualTo(TimeLimit.workingDays(7));
        assertThat(LISTS.get("ndrc-serious-dishonesty-travel").term().maximum()).isEqualTo(Period.ofYears(1));
        assertThat(LISTS.get("samr-abnormal-operations").objectionWindow()).isEqualTo(TimeLimit.days(30));
        assertThat(LISTS.get("samr-abnormal-operations").removalDeadline()).isEqualTo(TimeLimit.workingDays(5));
        assertThat(LISTS.get("admin-penalties-general").term().minDuration()).isEqualTo(Period.ofMonths(3));
        assertThat(LISTS.get("admin-penalties-general").term().maximum()).isEqualTo(Period.ofYears(1));
        assertThat(LISTS.get("admin-penalties-serious").term().minDuration()).isEqualTo(Period.ofYears(1));
        assertThat(LISTS.get("admin-penalties-serious").term().maximum()).isEqualTo(Period.ofYears(3));
        assertThat(List.of(LISTS.get("sta-grade-a-taxpayers").kind(), LISTS.get("customs-advanced-certified").kind()))
                .containsOnly(ListKind.RED);
        assertThat(LISTS.get("customs-advanced-certified").issuingAuthority()).isEqualTo("GACC");
    }

    @Test
    void samrSeriousListRepairIsDecidedWithinThreeWorkingDaysNotTheWindowsTen() {
        assertThat(LISTS.get("samr-serious-illegal-dishonest").repair().decision()).isEqualTo(TimeLimit.workingDays(3));
        assertThat(LISTS.values()).allSatisfy(l -> {
            if (l.repair() != null) {
                assertThat(l.repair().decision()).as(l.id()).isEqualTo(TimeLimit.workingDays(3));
            }
        });
    }

    @Test
    void spcGroundOneIsTheOnlyOpenEndedGroundOfTheSixGrounds() {
        var grounds = LISTS.get("spc-dishonest-debtors").grounds();
        assertThat(grounds).extracting(g -> g.code()).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(grounds).filteredOn(g -> g.openEnded()).extracting(g -> g.code()).containsExactly("1");
        assertThat(LISTS.values()).filteredOn(l -> l != LISTS.get("spc-dishonest-debtors"))
                .allSatisfy(l -> assertThat(l.grounds()).as(l.id()).isEmpty());
    }

    @Test
    void everyListCitesItsLegalBasis() {
        assertThat(LISTS.values()).allSatisfy(l -> assertThat(l.legalBasis()).isNotBlank());
    }
}
