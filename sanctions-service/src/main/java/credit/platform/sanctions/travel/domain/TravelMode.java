package credit.platform.sanctions.travel.domain;

/** How the passenger travels. */
public enum TravelMode {
    AIR, RAIL, SHIP
}
