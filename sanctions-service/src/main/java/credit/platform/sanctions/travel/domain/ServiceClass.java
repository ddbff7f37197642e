package credit.platform.sanctions.travel.domain;

/** The class of service, across modes (consumption restriction, 2015 amendment; REFERENCE.md §2). */
public enum ServiceClass {
    AIR_ECONOMY(TravelMode.AIR),
    AIR_BUSINESS(TravelMode.AIR),
    AIR_FIRST(TravelMode.AIR),
    RAIL_SECOND(TravelMode.RAIL),
    RAIL_FIRST(TravelMode.RAIL),
    RAIL_BUSINESS(TravelMode.RAIL),
    RAIL_HARD_SEAT(TravelMode.RAIL),
    RAIL_HARD_SLEEPER(TravelMode.RAIL),
    RAIL_SOFT_SLEEPER(TravelMode.RAIL),
    SHIP_THIRD(TravelMode.SHIP),
    SHIP_SECOND(TravelMode.SHIP),
    SHIP_FIRST(TravelMode.SHIP);

    private final TravelMode mode;

    ServiceClass(TravelMode mode) {
        this.mode = mode;
    }

    public TravelMode mode() {
        return mode;
    }
}
