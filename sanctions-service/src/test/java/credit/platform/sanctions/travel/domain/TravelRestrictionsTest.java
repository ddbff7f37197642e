package credit.platform.sanctions.travel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The restrictions of REFERENCE.md §2, one trip at a time. */
class TravelRestrictionsTest {

    static final Instant DEPARTURE = Instant.parse("2026-05-01T08:30:00Z");

    static TravelCheck trip(ServiceClass serviceClass, String train) {
        return TravelCheck.of("pnr-1", DocumentScheme.RESIDENT_ID, "11010519491231002X", "", serviceClass.mode(),
                serviceClass, train, DEPARTURE);
    }

    static TravelCheck flight(ServiceClass serviceClass) {
        return trip(serviceClass, null);
    }

    static TravelRecord on(String listId) {
        return new TravelRecord("rec-1", listId, "Beijing No. 2 Intermediate People's Court",
                DEPARTURE.minus(Duration.ofDays(30)), DEPARTURE.plus(Duration.ofDays(700)));
    }

    static Decision decide(TravelCheck trip, String listId) {
        return TravelRestrictions.decide(trip, List.of(on(listId))).decision();
    }

    static final String SPC = "spc-dishonest-debtors";
    static final String NDRC = "ndrc-serious-dishonesty-travel";
    static final String RAIL_SAFETY = "rail-safety-offenders";

    @Test
    void dishonestDebtorMayNotFlyInAnyClass() {
        for (ServiceClass c : List.of(ServiceClass.AIR_ECONOMY, ServiceClass.AIR_BUSINESS, ServiceClass.AIR_FIRST)) {
            assertThat(decide(flight(c), SPC)).isEqualTo(Decision.DENY);
        }
    }

    @Test
    void dishonestDebtorMayTakeNoSeatOnAGTrain() {
        for (ServiceClass c : List.of(ServiceClass.RAIL_SECOND, ServiceClass.RAIL_FIRST, ServiceClass.RAIL_BUSINESS)) {
            assertThat(decide(trip(c, "G101"), SPC)).isEqualTo(Decision.DENY);
        }
    }

    @Test
    void dishonestDebtorMayTakeSecondClassButNotFirstOrBusinessOnDAndCTrains() {
        assertThat(decide(trip(ServiceClass.RAIL_SECOND, "D3101"), SPC)).isEqualTo(Decision.ALLOW);
        assertThat(decide(trip(ServiceClass.RAIL_FIRST, "D3101"), SPC)).isEqualTo(Decision.DENY);
        assertThat(decide(trip(ServiceClass.RAIL_BUSINESS, "d3101"), SPC)).isEqualTo(Decision.DENY);
        assertThat(decide(trip(ServiceClass.RAIL_SECOND, "C2001"), SPC)).isEqualTo(Decision.ALLOW);
        assertThat(decide(trip(ServiceClass.RAIL_FIRST, "C2001"), SPC)).isEqualTo(Decision.DENY);
    }

    @Test
    void dishonestDebtorMayTakeAHardSeatOrSleeperButNoSoftSleeperOnAKTrain() {
        assertThat(decide(trip(ServiceClass.RAIL_HARD_SEAT, "K1234"), SPC)).isEqualTo(Decision.ALLOW);
        assertThat(decide(trip(ServiceClass.RAIL_HARD_SLEEPER, "K1234"), SPC)).isEqualTo(Decision.ALLOW);
        assertThat(decide(trip(ServiceClass.RAIL_SOFT_SLEEPER, "K1234"), SPC)).isEqualTo(Decision.DENY);
        assertThat(decide(trip(ServiceClass.RAIL_SOFT_SLEEPER, "D901"), SPC)).isEqualTo(Decision.DENY);
    }

    @Test
    void dishonestDebtorMayTakeShipThirdClassButNotSecondOrFirst() {
        assertThat(decide(trip(ServiceClass.SHIP_THIRD, null), SPC)).isEqualTo(Decision.ALLOW);
        assertThat(decide(trip(ServiceClass.SHIP_SECOND, null), SPC)).isEqualTo(Decision.DENY);
        assertThat(decide(trip(ServiceClass.SHIP_FIRST, null), SPC)).isEqualTo(Decision.DENY);
    }

    @Test
    void seriousDishonestyBarsFlightsAndPremiumRailOnly() {
        assertThat(decide(flight(ServiceClass.AIR_ECONOMY), NDRC)).isEqualTo(Decision.DENY);
        assertThat(decide(trip(ServiceClass.RAIL_SECOND, "G7"), NDRC)).isEqualTo(Decision.DENY);
        assertThat(decide(trip(ServiceClass.RAIL_FIRST, "D7"), NDRC)).isEqualTo(Decision.DENY);
        assertThat(decide(trip(ServiceClass.RAIL_SECOND, "D7"), NDRC)).isEqualTo(Decision.ALLOW);
        assertThat(decide(trip(ServiceClass.RAIL_SOFT_SLEEPER, "K7"), NDRC)).isEqualTo(Decision.ALLOW);
        assertThat(decide(trip(ServiceClass.SHIP_FIRST, null), NDRC)).isEqualTo(Decision.ALLOW);
    }

    @Test
    void railSafetyOffenderMayTakeNoTrainButMayFly() {
        assertThat(decide(trip(ServiceClass.RAIL_HARD_SEAT, "K1234"), RAIL_SAFETY)).isEqualTo(Decision.DENY);
        assertThat(decide(trip(ServiceClass.RAIL_SECOND, "D1"), RAIL_SAFETY)).isEqualTo(Decision.DENY);
        assertThat(decide(trip(ServiceClass.RAIL_HARD_SEAT, "1461"), RAIL_SAFETY)).isEqualTo(Decision.DENY);
        assertThat(decide(flight(ServiceClass.AIR_ECONOMY), RAIL_SAFETY)).isEqualTo(Decision.ALLOW);
    }

    @Test
    void recordsOnListsWithoutTravelRestrictionsAllow() {
        assertThat(decide(flight(ServiceClass.AIR_FIRST), "admin-penalties-serious")).isEqualTo(Decision.ALLOW);
        assertThat(decide(flight(ServiceClass.AIR_FIRST), "sta-major-tax-violations")).isEqualTo(Decision.ALLOW);
    }

    @Test
    void denyNamesReasonIssuingAuthorityAppealChannelAndTheTriggeringRecord() {
        TravelDecision decision = TravelRestrictions.decide(flight(ServiceClass.AIR_ECONOMY), List.of(on(SPC)));

        assertThat(decision.reasonCode()).isEqualTo("SPC_DISHONEST_DEBTOR");
        assertThat(decision.issuingAuthority()).isEqualTo("Beijing No. 2 Intermediate People's Court");
        assertThat(decision.appealChannel()).contains("enforcement office").contains("CreditChina");
        assertThat(decision.listId()).isEqualTo(SPC);
        assertThat(decision.recordId()).isEqualTo("rec-1");
    }

    @Test
    void recordDeniesOnlyWhileInEffectAtDeparture() {
        TravelCheck flight = flight(ServiceClass.AIR_ECONOMY);
        TravelRecord endedJustBefore = new TravelRecord("r", SPC, "court", DEPARTURE.minus(Duration.ofDays(730)),
                DEPARTURE);
        TravelRecord startsJustAfter = new TravelRecord("r", SPC, "court", DEPARTURE.plusSeconds(1), null);
        TravelRecord openEnded = new TravelRecord("r", SPC, "court", DEPARTURE, null);

        assertThat(TravelRestrictions.decide(flight, List.of(endedJustBefore)).decision()).isEqualTo(Decision.ALLOW);
        assertThat(TravelRestrictions.decide(flight, List.of(startsJustAfter)).decision()).isEqualTo(Decision.ALLOW);
        assertThat(TravelRestrictions.decide(flight, List.of(openEnded)).decision()).isEqualTo(Decision.DENY);
    }

    @Test
    void railWithoutTrainNumberOrClassOfAnotherModeIsNotACheck() {
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidTravelCheckException.class, () ->
                TravelCheck.of("p", DocumentScheme.RESIDENT_ID, "x", "", TravelMode.RAIL, ServiceClass.AIR_FIRST, "", null));
        assertThat(e.violations()).extracting(Violation::field).containsExactlyInAnyOrder("serviceClass", "trainNumber");
    }
}
