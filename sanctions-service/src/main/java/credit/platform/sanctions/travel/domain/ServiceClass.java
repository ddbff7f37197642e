package credit.platform.sanctions.travel.domain;

import java.util.Locale;

/**
 * The class of service, across modes. Which measure bars which class is data (the catalogue's
 * {@code bars}); the table per list is in {@code docs/domain.md}, generated from the catalogue.
 */
public enum ServiceClass {
    AIR_ECONOMY(TravelMode.AIR, "ECONOMY"),
    AIR_PREMIUM_ECONOMY(TravelMode.AIR, "PREMIUM_ECONOMY"),
    AIR_BUSINESS(TravelMode.AIR, "BUSINESS"),
    AIR_FIRST(TravelMode.AIR, "FIRST"),
    /** 二等座 (EMU). */
    RAIL_SECOND(TravelMode.RAIL, "SECOND_CLASS"),
    /** 一等座 (EMU). */
    RAIL_FIRST(TravelMode.RAIL, "FIRST_CLASS"),
    /** 商务座 (EMU). */
    RAIL_BUSINESS(TravelMode.RAIL, "BUSINESS_CLASS"),
    /** 特等座 (EMU): first class and above. */
    RAIL_PREMIUM(TravelMode.RAIL, "PREMIUM_CLASS"),
    /** 无座: a standing ticket. */
    RAIL_NO_SEAT(TravelMode.RAIL, "NO_SEAT"),
    /** 硬座. */
    RAIL_HARD_SEAT(TravelMode.RAIL, "HARD_SEAT"),
    /** 软座. */
    RAIL_SOFT_SEAT(TravelMode.RAIL, "SOFT_SEAT"),
    /** 硬卧 (and the EMU second-class sleeper, 二等卧). */
    RAIL_HARD_SLEEPER(TravelMode.RAIL, "HARD_SLEEPER"),
    /** 软卧 (and the EMU first-class sleeper, 一等卧). */
    RAIL_SOFT_SLEEPER(TravelMode.RAIL, "SOFT_SLEEPER"),
    /** 高级软卧. */
    RAIL_PREMIUM_SOFT_SLEEPER(TravelMode.RAIL, "PREMIUM_SOFT_SLEEPER"),
    /** 特等舱. */
    SHIP_SPECIAL(TravelMode.SHIP, "SPECIAL_CLASS"),
    SHIP_FIRST(TravelMode.SHIP, "FIRST_CLASS"),
    SHIP_SECOND(TravelMode.SHIP, "SECOND_CLASS"),
    SHIP_THIRD(TravelMode.SHIP, "THIRD_CLASS"),
    SHIP_FOURTH(TravelMode.SHIP, "FOURTH_CLASS"),
    SHIP_FIFTH(TravelMode.SHIP, "FIFTH_CLASS"),
    /** 散席: a seat or deck place without a berth. */
    SHIP_SEAT(TravelMode.SHIP, "SEAT");

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
        String s = raw.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (ServiceClass c : values()) {
            if (c.name().equals(s) || (c.mode == mode && c.seatClass.equals(s))) {
                return c;
            }
        }
        return null;
    }
}
