package credit.platform.sanctions.travel.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The travel restrictions the lists trigger, and the decision for one trip. Catalogue order is the
 * order reasons are reported in when several lists bar the same trip.
 *
 * <p>Sources (../shared/REFERENCE.md §2):
 * <ul>
 * <li>SPC consumption restriction (2010, amended 2015) for dishonest judgment debtors: no air
 * tickets; no soft-sleeper berths; no ship second class and above; <b>every seat on G-prefix
 * high-speed trains and first class and above on other EMU (D/C) trains</b>.</li>
 * <li>NDRC 2018, serious dishonesty in other fields: a <b>1-year flight and premium-rail ban</b>
 * (premium rail read as the same G / D-C-first-class-and-above seats as above).</li>
 * <li>NDRC 2018, rail-safety offences: a <b>180-day train ban</b> (every train, every class).</li>
 * </ul>
 * The durations themselves live on the records (effective from/until), set by the lists service.
 */
public final class TravelRestrictions {

    static final String SPC_DEBTORS = "spc-dishonest-debtors";
    static final String NDRC_SERIOUS = "ndrc-serious-dishonesty-travel";
    static final String RAIL_SAFETY = "rail-safety-offenders";

    /** First class and above on D/C trains. */
    private static final Set<ServiceClass> EMU_FIRST_AND_ABOVE = EnumSet.of(ServiceClass.RAIL_FIRST,
            ServiceClass.RAIL_BUSINESS);
    /** Ship second class and above. */
    private static final Set<ServiceClass> SHIP_SECOND_AND_ABOVE = EnumSet.of(ServiceClass.SHIP_SECOND,
            ServiceClass.SHIP_FIRST);

    private static final List<TravelRestriction> CATALOGUE = List.of(
            new TravelRestriction(SPC_DEBTORS, "SPC_DISHONEST_DEBTOR",
                    "The issuing court's enforcement office (quote the decision reference); objections and credit "
                            + "repair via CreditChina, www.creditchina.gov.cn",
                    trip -> trip.mode() == TravelMode.AIR
                            || premiumRail(trip)
                            || trip.serviceClass() == ServiceClass.RAIL_SOFT_SLEEPER
                            || SHIP_SECOND_AND_ABOVE.contains(trip.serviceClass())),
            new TravelRestriction(NDRC_SERIOUS, "NDRC_SERIOUS_DISHONESTY",
                    "The authority that listed you (quote the decision reference); objections via CreditChina, "
                            + "www.creditchina.gov.cn",
                    trip -> trip.mode() == TravelMode.AIR || premiumRail(trip)),
            new TravelRestriction(RAIL_SAFETY, "RAIL_SAFETY_OFFENDER",
                    "The railway authority that published the list, within 7 working days of publication; "
                            + "objections via CreditChina, www.creditchina.gov.cn",
                    trip -> trip.mode() == TravelMode.RAIL));

    private TravelRestrictions() {
    }

    /** Every seat on G trains; first class and above on D and C trains (REFERENCE.md §2). */
    static boolean premiumRail(TravelCheck trip) {
        if (trip.mode() != TravelMode.RAIL) {
            return false;
        }
        return switch (trip.trainPrefix()) {
            case "G" -> true;
            case "D", "C" -> EMU_FIRST_AND_ABOVE.contains(trip.serviceClass());
            default -> false;
        };
    }

    /**
     * The decision for the trip at its departure: DENY for the first restriction (catalogue order)
     * that bars it and is triggered by a record in effect at the departure; ALLOW otherwise.
     */
    public static TravelDecision decide(TravelCheck trip, List<TravelRecord> records) {
        Instant at = trip.departure();
        for (TravelRestriction restriction : CATALOGUE) {
            if (!restriction.bars().test(trip)) {
                continue;
            }
            Optional<TravelRecord> trigger = records.stream()
                    .filter(r -> r.listId().equals(restriction.listId()) && r.effectiveAt(at))
                    .findFirst();
            if (trigger.isPresent()) {
                return TravelDecision.deny(restriction, trigger.get());
            }
        }
        return TravelDecision.ALLOW;
    }
}
