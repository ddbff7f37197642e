package credit.platform.sanctions.travel.domain;

import credit.platform.identifiers.Identifiers;

/**
 * A train number, normalised by the identifier kernel's rule ({@link Identifiers#normalise}: full-width
 * to half-width, lower to upper case, spaces and hyphens dropped), so {@code Ｇ１２３４}, {@code g 1234}
 * and {@code G-1234} are all {@code G1234}: one letter of a known {@link TrainCategory} (or none) and
 * 1 to 4 digits.
 */
public record TrainNumber(String value, TrainCategory category) {

    /**
     * The train number, or why the text is not one.
     *
     * @throws InvalidTravelCheckException naming {@code trainNumber}
     */
    public static TrainNumber parse(String raw) {
        String v = Identifiers.normalise(raw);
        if (v.isEmpty()) {
            throw invalid("required", "rail checks need the train number: its prefix (G, D, C, …) decides which seats are restricted");
        }
        TrainCategory category = TrainCategory.ofFirst(v.charAt(0));
        if (category == null) {
            throw invalid("train-prefix", "train number " + v + " starts with " + v.charAt(0)
                    + ", which is not a train category (G, C, D, Z, T, K, S, Y, L, or digits only)");
        }
        String digits = category == TrainCategory.ORDINARY ? v : v.substring(1);
        if (digits.isEmpty() || digits.length() > 4 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid("train-number", "a train number is its category letter (or none) and 1 to 4 digits, not " + v);
        }
        return new TrainNumber(v, category);
    }

    private static InvalidTravelCheckException invalid(String rule, String message) {
        return new InvalidTravelCheckException(java.util.List.of(new Violation("trainNumber", rule, message)));
    }

    @Override
    public String toString() {
        return value;
    }
}
