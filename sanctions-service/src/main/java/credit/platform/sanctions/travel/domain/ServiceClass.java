package credit.platform.sanctions.travel.domain;

import java.util.Locale;

/** The class of service, across modes (consumption restriction, 2015 amendment; REFERENCE.md §2). */
public enum ServiceClass {
    AIR_ECONOMY(TravelMode.AIR, "ECONOMY"),
    AIR_BUSINESS(TravelMode.AIR, "BUSINESS"),
    AIR_FIRST(TravelMode.AIR, "FIRST"),
    RAIL_SECOND(TravelMode.RAIL, "SECOND_CLASS"),
    RAIL_FIRST(TravelMode.RAIL, "FIRST_CLASS"),
    RAIL_BUSINESS(TravelMode.RAIL, "BUSINESS_CLASS"),
    /** 特等座: first class and above. */
    RAIL_PREMIUM(TravelMode.RAIL, "PREMIUM_CLASS"),
    RAIL_NO_SEAT(TravelMode.RAIL, "NO_SEAT"),
    RAIL_HARD_SEAT(TravelMode.RAIL, "HARD_SEAT"),
    RAIL_HARD_SLEEPER(TravelMode.RAIL, "HARD_SLEEPER"),
    RAIL_SOFT_SLEEPER(TravelMode.RAIL, "SOFT_SLEEPER"),
    RAIL_PREMIUM_SOFT_SLEEPER(TravelMode.RAIL, "PREMIUM_SOFT_SLEEPER"),
    SHIP_THIRD(TravelMode.SHIP, "THIRD_CLASS"),
    SHIP_SECOND(TravelMode.SHIP, "SECOND_CLASS"),
    SHIP_FIRST(TravelMode.SHIP, "FIRST_CLASS");

    private final TravelMode mode;
    private final String seatClass;

    ServiceClass(TravelMode mode, String seatClass) {
        this.mode = mode;
        this.seatClass = seatClass;
    }

    public TravelMode mode() {
        return mode;
    }

    /** The seat class as the REST contract names it within a mode, e.g. {@code FIRST_CLASS}. */
    public String seatClass() {
        return seatClass;
    }

    /** A seat class of the mode ({@code FIRST_CLASS} for RAIL), or a mode-qualified name ({@code RAIL_FIRST}); null when neither. */
    public static ServiceClass of(TravelMode mode, String raw) {
        String s = raw.strip().toUpperCase(Locale.ROOT);
        for (ServiceClass c : values()) {
            if (c.name().equals(s) || (c.mode == mode && c.seatClass.equals(s))) {
                return c;
            }
        }
        return null;
    }
}
