package credit.platform.sanctions.travel.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * What each travel measure of the catalogue bars (the catalogue and its rules are data; what a
 * measure means for a ticket is this). REFERENCE.md §2, consumption restriction (2015 amendment):
 * no air tickets; no soft-sleeper berths; no ship second class and above; <b>every seat on G-prefix
 * high-speed trains and first class and above on other EMU (D/C) trains</b>; NDRC 2018: rail-safety
 * offenders barred from every train.
 */
public final class TravelMeasures {

    /** First class and above on D/C trains. */
    private static final Set<ServiceClass> FIRST_AND_ABOVE = EnumSet.of(ServiceClass.RAIL_FIRST,
            ServiceClass.RAIL_BUSINESS, ServiceClass.RAIL_PREMIUM);
    private static final Set<ServiceClass> SOFT_SLEEPERS = EnumSet.of(ServiceClass.RAIL_SOFT_SLEEPER,
            ServiceClass.RAIL_PREMIUM_SOFT_SLEEPER);
    private static final Set<ServiceClass> SHIP_SECOND_AND_ABOVE = EnumSet.of(ServiceClass.SHIP_SECOND,
            ServiceClass.SHIP_FIRST);

    private TravelMeasures() {
    }

    /** Whether the measure bars this trip; non-travel measures (procurement, rewards) never do. */
    public static boolean bars(String measure, TravelCheck trip) {
        return switch (measure) {
            case "AIR_TRAVEL_BAN" -> trip.mode() == TravelMode.AIR;
            case "RAIL_HIGH_SPEED_BAN" -> highSpeed(trip);
            case "RAIL_SOFT_SLEEPER_BAN" -> SOFT_SLEEPERS.contains(trip.serviceClass());
            case "RAIL_ALL_TRAINS_BAN" -> trip.mode() == TravelMode.RAIL;
            case "SHIP_PREMIUM_CLASS_BAN" -> SHIP_SECOND_AND_ABOVE.contains(trip.serviceClass());
            default -> false;
        };
    }

    /** Every seat on G trains; first class and above on D and C trains. */
    static boolean highSpeed(TravelCheck trip) {
        if (trip.mode() != TravelMode.RAIL) {
            return false;
        }
        return switch (trip.trainPrefix()) {
            case "G" -> true;
            case "D", "C" -> FIRST_AND_ABOVE.contains(trip.serviceClass());
            default -> false;
        };
    }
}
