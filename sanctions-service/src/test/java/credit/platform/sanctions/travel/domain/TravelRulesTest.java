package credit.platform.sanctions.travel.domain;

import static credit.platform.sanctions.enforcement.domain.Records.NDRC_SERIOUS;
import static credit.platform.sanctions.enforcement.domain.Records.RAIL_SAFETY;
import static credit.platform.sanctions.enforcement.domain.Records.aRecord;
import static credit.platform.sanctions.enforcement.domain.Records.day;
import static credit.platform.sanctions.travel.domain.Decision.ALLOW;
import static credit.platform.sanctions.travel.domain.Decision.DENY;
import static credit.platform.sanctions.travel.domain.ServiceClass.*;
import static credit.platform.sanctions.travel.domain.TravelMode.AIR;
import static credit.platform.sanctions.travel.domain.TravelMode.RAIL;
import static credit.platform.sanctions.travel.domain.TravelMode.SHIP;
import static org.assertj.core.api.Assertions.assertThat;

import credit.platform.sanctions.enforcement.domain.SubjectKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every rail/air/ship rule of the consumption restriction and the NDRC travel bans (docs/domain.md, Travel rules). */
class TravelRulesTest {

    static final String DEBTOR = "11010519491231002X";
    TravelFixture f;

    @BeforeEach
    void listedDebtor() {
        f = new TravelFixture();
        f.feed(aRecord().about("subj-debtor", SubjectKey.residentId(DEBTOR)).build());
    }

    @Test
    void listedDebtorMayTakeASecondClassSeatOnADTrain() {
        assertThat(f.decide(DEBTOR, RAIL, RAIL_SECOND, "D3101")).isEqualTo(ALLOW);
        assertThat(f.decide(DEBTOR, RAIL, RAIL_NO_SEAT, "C2001")).isEqualTo(ALLOW);
    }

    @Test
    void listedDebtorIsDeniedFirstClassAndAboveOnDAndCTrains() {
        assertThat(f.decide(DEBTOR, RAIL, RAIL_FIRST, "D3101")).isEqualTo(DENY);
        assertThat(f.decide(DEBTOR, RAIL, RAIL_BUSINESS, "C2001")).isEqualTo(DENY);
        assertThat(f.decide(DEBTOR, RAIL, RAIL_PREMIUM, "D3101")).isEqualTo(DENY);
    }

    @Test
    void listedDebtorIsDeniedEverySeatOnAGTrain() {
        for (ServiceClass seat : new ServiceClass[] {RAIL_SECOND, RAIL_NO_SEAT, RAIL_FIRST, RAIL_BUSINESS}) {
            assertThat(f.decide(DEBTOR, RAIL, seat, "G101")).as(seat.name()).isEqualTo(DENY);
        }
    }

    @Test
    void listedDebtorIsDeniedASoftSleeperOnAKTrainButMayTakeAHardSleeperOrHardSeat() {
        assertThat(f.decide(DEBTOR, RAIL, RAIL_SOFT_SLEEPER, "K1")).isEqualTo(DENY);
        assertThat(f.decide(DEBTOR, RAIL, RAIL_PREMIUM_SOFT_SLEEPER, "Z1")).isEqualTo(DENY);
        assertThat(f.decide(DEBTOR, RAIL, RAIL_HARD_SLEEPER, "K1")).isEqualTo(ALLOW);
        assertThat(f.decide(DEBTOR, RAIL, RAIL_HARD_SEAT, "T7")).isEqualTo(ALLOW);
    }

    @Test
    void listedDebtorIsDeniedEveryAirClassAndShipSecondClassAndAbove() {
        assertThat(f.decide(DEBTOR, AIR, AIR_ECONOMY, null)).isEqualTo(DENY);
        assertThat(f.decide(DEBTOR, AIR, AIR_FIRST, null)).isEqualTo(DENY);
        assertThat(f.decide(DEBTOR, SHIP, SHIP_SECOND, null)).isEqualTo(DENY);
        assertThat(f.decide(DEBTOR, SHIP, SHIP_THIRD, null)).isEqualTo(ALLOW);
    }

    @Test
    void aDenyNamesCodeMeasureAuthorityRecordAndAppealAndIsLoggedWithoutTheDocumentNumber() {
        TravelCheckResult r = f.check(DEBTOR, RAIL, RAIL_SECOND, "G101", null);

        assertThat(r.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo("SPC_DISHONEST_DEBTOR");
            assertThat(reason.measure()).isEqualTo("RAIL_HIGH_SPEED_BAN");
            assertThat(reason.authority()).contains("Court");
            assertThat(reason.recordRef()).isNotBlank();
            assertThat(reason.appeal()).contains("CreditChina");
        });
        assertThat(r.decisionId()).isEqualTo("TD-1");
        assertThat(DecisionReceipt.parse(r.receipt())).hasValueSatisfying(receipt -> {
            assertThat(receipt.envelope()).startsWith("signed:TR-");
            assertThat(receipt.decisionJson()).contains("\"jti\":\"TD-1\"", "\"decision\":\"DENY\"")
                    .doesNotContain(DEBTOR);
        });
        assertThat(f.logged).singleElement().satisfies(e -> {
            assertThat(e.decisionId()).isEqualTo("TD-1");
            assertThat(e.client()).isEqualTo("rail-demo");
            assertThat(e.toString()).doesNotContain(DEBTOR);
        });
    }

    @Test
    void anAllowIsOnlyCountedPerClient() {
        f.decide("110105194912310038", AIR, AIR_FIRST, null);

        assertThat(f.logged).isEmpty();
        assertThat(f.counted).containsExactly("ALLOW/AIR/rail-demo");
    }

    @Test
    void railSafetyOffenderIsBarredFromEveryTrainFor180DaysOnly() {
        String offender = "110105194912310038";
        f.feed(aRecord().on(RAIL_SAFETY).about("subj-2", SubjectKey.residentId(offender)).from(day(2026, 1, 1))
                .until(day(2027, 1, 1)).build());

        assertThat(f.check(offender, RAIL, RAIL_HARD_SEAT, "K1", day(2026, 6, 29)).decision()).isEqualTo(DENY);
        assertThat(f.check(offender, RAIL, RAIL_HARD_SEAT, "K1", day(2026, 6, 30)).decision()).isEqualTo(ALLOW);
        assertThat(f.decide(offender, AIR, AIR_ECONOMY, null)).isEqualTo(ALLOW);
    }

    @Test
    void seriousDishonestyBarsFlightsAndHighLevelSeatsForOneYear() {
        String person = "110105194912310054";
        f.feed(aRecord().on(NDRC_SERIOUS).about("subj-3", SubjectKey.residentId(person)).from(day(2026, 1, 1)).build());

        assertThat(f.check(person, AIR, AIR_ECONOMY, null, day(2026, 12, 31)).decision()).isEqualTo(DENY);
        assertThat(f.check(person, RAIL, RAIL_SECOND, "G1", day(2026, 12, 31)).decision()).isEqualTo(DENY);
        // 发改财金〔2018〕384号: high-level seats are soft sleepers, every G seat, first class and above on other EMUs.
        assertThat(f.check(person, RAIL, RAIL_SOFT_SLEEPER, "K1", day(2026, 12, 31)).decision()).isEqualTo(DENY);
        assertThat(f.check(person, RAIL, RAIL_PREMIUM_SOFT_SLEEPER, "Z1", day(2026, 12, 31)).decision()).isEqualTo(DENY);
        assertThat(f.check(person, RAIL, RAIL_FIRST, "D1", day(2026, 12, 31)).decision()).isEqualTo(DENY);
        assertThat(f.check(person, RAIL, RAIL_HARD_SLEEPER, "K1", day(2026, 12, 31)).decision()).isEqualTo(ALLOW);
        assertThat(f.check(person, RAIL, RAIL_SOFT_SEAT, "K1", day(2026, 12, 31)).decision()).isEqualTo(ALLOW);
        assertThat(f.check(person, AIR, AIR_ECONOMY, null, day(2027, 1, 1)).decision()).isEqualTo(ALLOW);
    }

    @Test
    void aOneYearCapAcross29FebruaryLasts366Days() {
        String person = "110105194912310054";
        f.feed(aRecord().on(NDRC_SERIOUS).about("subj-3", SubjectKey.residentId(person)).from(day(2027, 3, 1))
                .until(day(2030, 1, 1)).build());

        assertThat(f.check(person, AIR, AIR_ECONOMY, null, day(2028, 2, 29)).decision()).isEqualTo(DENY);
        assertThat(f.check(person, AIR, AIR_ECONOMY, null, day(2028, 3, 1)).decision()).isEqualTo(ALLOW);
    }

    @Test
    void aOneYearCapFrom29FebruaryEndsOn28FebruaryOfTheNextYear() {
        // Civil Code art. 202: no 29 February in 2029, so the month's last day is the period's last day.
        String person = "110105194912310054";
        f.feed(aRecord().on(NDRC_SERIOUS).about("subj-3", SubjectKey.residentId(person)).from(day(2028, 2, 29))
                .until(day(2031, 1, 1)).build());

        assertThat(f.check(person, AIR, AIR_ECONOMY, null, day(2029, 2, 28)).decision()).isEqualTo(DENY);
        assertThat(f.check(person, RAIL, RAIL_SOFT_SLEEPER, "K1", day(2029, 2, 28)).decision()).isEqualTo(DENY);
        assertThat(f.check(person, AIR, AIR_ECONOMY, null, day(2029, 3, 1)).decision()).isEqualTo(ALLOW);
    }

    @Test
    void everyTrainCategoryIsReadAndOnlyGTrainsAreRestrictedWhateverTheSeat() {
        for (TrainCategory t : TrainCategory.values()) {
            String number = t.prefix() + "12";
            assertThat(f.decide(DEBTOR, RAIL, RAIL_HARD_SLEEPER, number)).as(number)
                    .isEqualTo(t == TrainCategory.G ? DENY : ALLOW);
            assertThat(f.decide(DEBTOR, RAIL, RAIL_FIRST, number)).as(number).isEqualTo(DENY);
            assertThat(f.decide(DEBTOR, RAIL, RAIL_SOFT_SLEEPER, number)).as(number).isEqualTo(DENY);
        }
    }

    @Test
    void trainNumbersWrittenInFullWidthOrLowerCaseAreTheSameTrains() {
        assertThat(f.decide(DEBTOR, RAIL, RAIL_SECOND, "Ｇ１２３４")).isEqualTo(DENY);
        assertThat(f.decide(DEBTOR, RAIL, RAIL_NO_SEAT, "g 1234")).isEqualTo(DENY);
        assertThat(f.decide(DEBTOR, RAIL, RAIL_FIRST, "ｄ301")).isEqualTo(DENY);
        assertThat(f.decide(DEBTOR, RAIL, RAIL_SECOND, "ｄ301")).isEqualTo(ALLOW);
    }

    @Test
    void aListedDebtorIsFoundHoweverTheDocumentNumberIsWritten() {
        for (String written : new String[] {"11010519491231002x", "110105-19491231-002X", "１１０１０５１９４９１２３１００２Ｘ",
                "110105491231002"}) {
            assertThat(f.decide(written, AIR, AIR_ECONOMY, null)).as(written).isEqualTo(DENY);
        }
    }

    @Test
    void shipClassesSecondAndAboveAreBarredTheOthersNot() {
        for (ServiceClass c : new ServiceClass[] {SHIP_SPECIAL, SHIP_FIRST, SHIP_SECOND}) {
            assertThat(f.decide(DEBTOR, SHIP, c, null)).as(c.name()).isEqualTo(DENY);
        }
        for (ServiceClass c : new ServiceClass[] {SHIP_THIRD, SHIP_FOURTH, SHIP_FIFTH, SHIP_SEAT}) {
            assertThat(f.decide(DEBTOR, SHIP, c, null)).as(c.name()).isEqualTo(ALLOW);
        }
        assertThat(f.decide(DEBTOR, AIR, AIR_PREMIUM_ECONOMY, null)).isEqualTo(DENY);
        assertThat(f.decide(DEBTOR, RAIL, RAIL_SOFT_SEAT, "K1")).isEqualTo(ALLOW);
    }
}
