package credit.platform.sanctions.travel.domain;

/**
 * The kind of train a train number names, by its letter prefix (China Railway's numbering). Whether
 * a seat is restricted depends on the train only for G trains: every seat of a G train is a
 * "high-level seat"; on other trains the seat class decides (first class and above exist only on
 * EMUs). The full table, per list, is in {@code docs/domain.md} ("Rail: train numbers and seats").
 */
public enum TrainCategory {
    G("G", "high-speed EMU (高速动车组)"),
    C("C", "intercity EMU (城际动车组)"),
    D("D", "EMU (动车组)"),
    Z("Z", "direct express (直达特快)"),
    T("T", "express (特快)"),
    K("K", "fast (快速)"),
    S("S", "suburban (市郊)"),
    Y("Y", "tourist (旅游)"),
    L("L", "temporary (临客)"),
    ORDINARY("", "ordinary passenger train, numbers only (普通旅客列车)");

    private final String prefix;
    private final String words;

    TrainCategory(String prefix, String words) {
        this.prefix = prefix;
        this.words = words;
    }

    /** The letter a train number of this kind starts with; empty for numbers without a letter. */
    public String prefix() {
        return prefix;
    }

    public String words() {
        return words;
    }

    /** The category of a normalised train number's first character, or null when no category has it. */
    static TrainCategory ofFirst(char c) {
        if (c >= '0' && c <= '9') {
            return ORDINARY;
        }
        for (TrainCategory t : values()) {
            if (!t.prefix.isEmpty() && t.prefix.charAt(0) == c) {
                return t;
            }
        }
        return null;
    }
}
